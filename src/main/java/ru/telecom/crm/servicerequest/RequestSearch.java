package ru.telecom.crm.servicerequest;

import java.time.Instant;
import java.util.Set;

import ru.telecom.crm.incident.IncidentSearch;

/**
 * Which requests a list shows: the caller's scope and the filters asked for.
 *
 * @param scope what the caller may see; {@code null} for everything
 */
public record RequestSearch(Scope scope, RequestStatus status, Long clientId, String assignee, Long orderId,
		String text, Instant createdFrom, Instant createdTo) {

	/** Only the caller's scope and the usual filters. */
	public RequestSearch(Scope scope, RequestStatus status, Long clientId, String assignee) {
		this(scope, status, clientId, assignee, null, null, null, null);
	}

	/**
	 * Requests assigned to one of {@code assignees}, or waiting unassigned in the queue
	 * when {@code unassigned}, or behind an incident of the third-line work of
	 * {@code behindIncidents} (assigned, queued, managed: see
	 * {@link IncidentSearch.Scope#thirdLineWork}), asked in a subquery however many
	 * incidents that is; {@code null} for none.
	 */
	public record Scope(Set<String> assignees, boolean unassigned, IncidentSearch.Scope behindIncidents) {
	}

}
