package ru.telecom.crm.notes;

import java.time.Instant;

import ru.telecom.crm.status.StatusRecorder.EntityType;

/**
 * An internal work note.
 *
 * @param itemType whether it belongs to a request or an incident
 * @param itemId the id of that request or incident
 */
public record NoteView(long id, EntityType itemType, long itemId, Instant createdAt, String authorId, String text) {
}
