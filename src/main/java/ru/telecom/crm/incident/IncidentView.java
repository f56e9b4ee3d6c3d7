package ru.telecom.crm.incident;

import java.time.Instant;

import ru.telecom.crm.shared.Priority;

/** An incident as other modules and the API see it. */
public record IncidentView(long id, Instant createdAt, String createdBy, String assignee, String narrative,
		long serviceId, long workGroupId, Priority priority, String holdReason, long serviceRequestId, long clientId,
		Instant unlinkedAt, IncidentStatus status, Instant closedAt, String processInstanceId) {

	public boolean isLinked() {
		return this.unlinkedAt == null;
	}

}
