package ru.telecom.crm.servicerequest;

import java.util.Set;

/**
 * Which requests a list shows: the caller's scope and the filters asked for.
 *
 * @param scope what the caller may see; {@code null} for everything
 */
public record RequestSearch(Scope scope, RequestStatus status, Long clientId, String assignee) {

	/**
	 * Requests assigned to one of {@code assignees}, or waiting unassigned in the queue
	 * when {@code unassigned}, or one of {@code ids}.
	 */
	public record Scope(Set<String> assignees, boolean unassigned, Set<Long> ids) {
	}

}
