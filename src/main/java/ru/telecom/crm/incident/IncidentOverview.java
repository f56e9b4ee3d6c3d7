package ru.telecom.crm.incident;

import java.util.List;

/**
 * What the managers' overview asks of the open incidents of a scope (as
 * {@link IncidentSearch.Scope}, {@code null} for all): the same incidents the lists show
 * with {@link IncidentSearch#allOpen}, so that every count matches the list it links to.
 * Each answer is one query, however many incidents there are.
 */
public interface IncidentOverview {

	/** The open incidents counted by status, work group, service, assignee, priority. */
	IncidentCounts countOpen(IncidentSearch.Scope scope);

	/** The oldest open incidents that no engineer holds, oldest first, at most limit. */
	List<IncidentView> oldestUnassigned(IncidentSearch.Scope scope, int limit);

	/** The incidents on hold, the longest waiting first, at most limit. */
	List<HeldIncident> longestOnHold(IncidentSearch.Scope scope, int limit);

}
