package ru.telecom.crm.status;

import java.time.Instant;

/**
 * One transition of a request or an incident.
 *
 * @param userId the assignee of the entity when it changed (the seed's "user")
 * @param actorId who made the change: a user, or {@code system} for the engine
 */
public record StatusEntry(long id, Instant createdAt, Long serviceRequestId, Long incidentId, String oldStatus,
		String newStatus, String userId, String actorId) {
}
