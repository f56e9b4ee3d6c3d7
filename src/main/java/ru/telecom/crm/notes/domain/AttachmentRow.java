package ru.telecom.crm.notes.domain;

import java.time.Instant;

import ru.telecom.crm.notes.AttachmentView;

/** An attachment's row without its content. */
record AttachmentRow(Long id, Long serviceRequestId, Long incidentId, Instant createdAt, String authorId,
		String fileName, String contentType, long sizeBytes) {

	AttachmentView view() {
		Item item = Item.of(this.serviceRequestId, this.incidentId);
		return new AttachmentView(this.id, item.type(), item.id(), this.createdAt, this.authorId, this.fileName,
				this.contentType, this.sizeBytes);
	}

}
