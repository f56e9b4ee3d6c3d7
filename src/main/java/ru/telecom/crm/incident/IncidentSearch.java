package ru.telecom.crm.incident;

import java.time.Instant;
import java.util.Set;

/**
 * Which incidents a list shows: the caller's scope and the filters asked for.
 *
 * @param scope what the caller may see; {@code null} for everything
 */
public record IncidentSearch(Scope scope, IncidentStatus status, Long clientId, String assignee, Long serviceId,
		Long workGroupId, String text, Instant createdFrom, Instant createdTo) {

	/** Only the caller's scope and the usual filters. */
	public IncidentSearch(Scope scope, IncidentStatus status, Long clientId, String assignee) {
		this(scope, status, clientId, assignee, null, null, null, null, null);
	}

	/**
	 * Incidents assigned to one of {@code assignees}, or NEW in one of the
	 * {@code queueWorkGroupIds}, or in one of the {@code managedWorkGroupIds}, or opened
	 * from a request assigned to one of the {@code requestAssignees} or, when
	 * {@code unassignedRequests}, from an unassigned one: the helpdesk's incidents, found
	 * through their requests' owners as they are now, however many requests that is.
	 */
	public record Scope(Set<String> assignees, Set<Long> queueWorkGroupIds, Set<Long> managedWorkGroupIds,
			Set<String> requestAssignees, boolean unassignedRequests) {

		/** Only third-line work: assigned, queued or managed incidents. */
		public Scope(Set<String> assignees, Set<Long> queueWorkGroupIds, Set<Long> managedWorkGroupIds) {
			this(assignees, queueWorkGroupIds, managedWorkGroupIds, Set.of(), false);
		}

	}

}
