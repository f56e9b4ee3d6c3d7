package ru.telecom.crm.notes;

import java.time.Instant;

import ru.telecom.crm.status.StatusRecorder.EntityType;

/**
 * A file attached to a request or incident, without its content.
 *
 * @param contentType the media type found from the content (never the sender's)
 * @param size its size in bytes
 */
public record AttachmentView(long id, EntityType itemType, long itemId, Instant createdAt, String authorId,
		String fileName, String contentType, long size) {
}
