package ru.telecom.crm.status;

import java.time.Instant;

/** One activity row: what happened, to what, by whom. */
public record ActivityEntry(long id, Instant createdAt, StatusRecorder.EntityType entityType, long entityId,
		String kind, String actorId, String details) {
}
