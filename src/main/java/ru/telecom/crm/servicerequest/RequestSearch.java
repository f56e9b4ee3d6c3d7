package ru.telecom.crm.servicerequest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.shared.Priority;

/**
 * Which requests a list shows: the caller's scope and the filters asked for.
 *
 * @param scope what the caller may see; {@code null} for everything
 * @param unassigned only those no one is assigned to (the queue's)
 * @param priority only those of this priority; {@code null} for any
 * @param open only those not closed (what the managers' overview counts)
 */
public record RequestSearch(Scope scope, RequestStatus status, Long clientId, String assignee, Long orderId,
		String text, Instant createdFrom, Instant createdTo, boolean unassigned, Priority priority, boolean open) {

	/**
	 * The statuses of an open request: named, not "not closed", so that the (assignee,
	 * status) index reads only the open rows.
	 */
	public static final List<RequestStatus> OPEN = Arrays.stream(RequestStatus.values())
		.filter((status) -> status != RequestStatus.CLOSED)
		.toList();

	/** Of any priority, open or closed. */
	public RequestSearch(Scope scope, RequestStatus status, Long clientId, String assignee, Long orderId, String text,
			Instant createdFrom, Instant createdTo, boolean unassigned) {
		this(scope, status, clientId, assignee, orderId, text, createdFrom, createdTo, unassigned, null, false);
	}

	/** The open requests of the scope, the overview's: no other filter. */
	public static RequestSearch allOpen(Scope scope) {
		return new RequestSearch(scope, null, null, null, null, null, null, null, false, null, true);
	}

	/** The open requests of the scope that no one holds yet: the helpdesk queue's. */
	public static RequestSearch openUnassigned(Scope scope) {
		return new RequestSearch(scope, null, null, null, null, null, null, null, true, null, true);
	}

	/** Assigned or not. */
	public RequestSearch(Scope scope, RequestStatus status, Long clientId, String assignee, Long orderId, String text,
			Instant createdFrom, Instant createdTo) {
		this(scope, status, clientId, assignee, orderId, text, createdFrom, createdTo, false);
	}

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
