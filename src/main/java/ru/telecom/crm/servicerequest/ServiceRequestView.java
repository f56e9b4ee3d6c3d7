package ru.telecom.crm.servicerequest;

import java.time.Instant;

import ru.telecom.crm.shared.Priority;

/** A service request as other modules and the API see it. */
public record ServiceRequestView(long id, Instant createdAt, String createdBy, Channel channel, Priority priority,
		String description, String assignee, Long clientId, Long orderId, RequestStatus status, CloseReason closeReason,
		Instant closedAt, String rawMessage, String processInstanceId) {
}
