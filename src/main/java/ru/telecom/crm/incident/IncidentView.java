package ru.telecom.crm.incident;

import java.time.Instant;

import ru.telecom.crm.shared.Priority;

/** An incident as other modules and the API see it. */
public record IncidentView(long id, Instant createdAt, String createdBy, String assignee, String narrative,
		long serviceId, long workGroupId, Priority priority, String holdReason, long serviceRequestId, long clientId,
		Instant unlinkedAt, IncidentStatus status, Instant closedAt, String processInstanceId, Instant responseDueAt,
		Instant resolutionDueAt, Instant responseBreachedAt, Instant resolutionBreachedAt, boolean slaPaused) {

	/**
	 * The due instant the incident's engineer works against: the response's until the
	 * incident is first in work, then the resolution's; {@code null} while the resolution
	 * clock stands still, when closed, or without a service level. Its tasks carry it as
	 * their due date.
	 */
	public Instant dueAt() {
		if (this.status == IncidentStatus.CLOSED) {
			return null;
		}
		if (this.status == IncidentStatus.NEW || this.status == IncidentStatus.ASSIGNED) {
			if (this.responseDueAt != null && this.resolutionDueAt != null) {
				return this.responseDueAt.isBefore(this.resolutionDueAt) ? this.responseDueAt : this.resolutionDueAt;
			}
		}
		return this.slaPaused ? null : this.resolutionDueAt;
	}

	public boolean isLinked() {
		return this.unlinkedAt == null;
	}

}
