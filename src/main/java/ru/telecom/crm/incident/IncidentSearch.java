package ru.telecom.crm.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

import ru.telecom.crm.shared.Priority;

/**
 * Which incidents a list shows: the caller's scope and the filters asked for.
 *
 * @param scope what the caller may see; {@code null} for everything
 * @param unassigned only those no engineer is assigned to (the queue's)
 * @param priority only those of this priority; {@code null} for any
 * @param open only those not closed (what the managers' overview counts)
 */
public record IncidentSearch(Scope scope, IncidentStatus status, Long clientId, String assignee, Long serviceId,
		Long workGroupId, String text, Instant createdFrom, Instant createdTo, boolean unassigned, Priority priority,
		boolean open) {

	/**
	 * The statuses of an open incident: named, not "not closed", so that the (…, status)
	 * indexes read only the open rows.
	 */
	public static final List<IncidentStatus> OPEN = Arrays.stream(IncidentStatus.values())
		.filter((status) -> status != IncidentStatus.CLOSED)
		.toList();

	/** Of any priority, open or closed. */
	public IncidentSearch(Scope scope, IncidentStatus status, Long clientId, String assignee, Long serviceId,
			Long workGroupId, String text, Instant createdFrom, Instant createdTo, boolean unassigned) {
		this(scope, status, clientId, assignee, serviceId, workGroupId, text, createdFrom, createdTo, unassigned, null,
				false);
	}

	/** The open incidents of the scope, the overview's: no other filter. */
	public static IncidentSearch allOpen(Scope scope) {
		return new IncidentSearch(scope, null, null, null, null, null, null, null, null, false, null, true);
	}

	/** The open incidents of the scope that no engineer holds yet. */
	public static IncidentSearch openUnassigned(Scope scope) {
		return new IncidentSearch(scope, null, null, null, null, null, null, null, null, true, null, true);
	}

	/** Assigned or not. */
	public IncidentSearch(Scope scope, IncidentStatus status, Long clientId, String assignee, Long serviceId,
			Long workGroupId, String text, Instant createdFrom, Instant createdTo) {
		this(scope, status, clientId, assignee, serviceId, workGroupId, text, createdFrom, createdTo, false);
	}

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

		/**
		 * The third-line part of the scope (assigned, queued, managed) as conditions, any
		 * of which makes an incident visible, on an entity that maps the incident table's
		 * {@code assignee}, {@code status} and {@code workGroupId}: the incident lists
		 * and the request lists of the third line ("behind an incident I may see") ask
		 * the same.
		 */
		public List<Predicate> thirdLineWork(Path<?> incident, CriteriaBuilder cb) {
			List<Predicate> visible = new ArrayList<>();
			if (!this.assignees.isEmpty()) {
				visible.add(incident.get("assignee").in(this.assignees));
			}
			if (!this.queueWorkGroupIds.isEmpty()) {
				visible.add(cb.and(cb.equal(incident.get("status"), IncidentStatus.NEW),
						incident.get("workGroupId").in(this.queueWorkGroupIds)));
			}
			if (!this.managedWorkGroupIds.isEmpty()) {
				visible.add(incident.get("workGroupId").in(this.managedWorkGroupIds));
			}
			return visible;
		}

	}

}
