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
	 * from one of the {@code requestIds}.
	 */
	public record Scope(Set<String> assignees, Set<Long> queueWorkGroupIds, Set<Long> managedWorkGroupIds,
			Set<Long> requestIds) {
	}

}
