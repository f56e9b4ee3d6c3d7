package ru.telecom.crm.servicerequest;

import java.util.List;

/**
 * What the managers' overview asks of the open requests of a scope (as
 * {@link RequestSearch.Scope}, {@code null} for all): the same requests the lists show
 * with {@link RequestSearch#allOpen}, so that every count matches the list it links to.
 * Each answer is one query, however many requests there are.
 */
public interface RequestOverview {

	/** The open requests counted by status, assignee and priority. */
	RequestCounts countOpen(RequestSearch.Scope scope);

	/** The oldest open requests that no one holds, oldest first, at most limit. */
	List<ServiceRequestView> oldestUnassigned(RequestSearch.Scope scope, int limit);

}
