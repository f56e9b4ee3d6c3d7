package ru.telecom.crm.notes.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ru.telecom.crm.notes.FileType;

/**
 * A file attached to a request or an incident, its content in the row (bytea): backups
 * and several app nodes need nothing more. Lists read it without the content.
 */
@Entity
@Table(name = "item_attachment")
class Attachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long serviceRequestId;

	private Long incidentId;

	private Instant createdAt;

	private String authorId;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	// read only for a download: the lists select the other columns (AttachmentRow)
	@Column(name = "content")
	private byte[] content;

	protected Attachment() {
	}

	Attachment(Item item, String fileName, FileType type, byte[] content, String authorId, Instant now) {
		this.serviceRequestId = item.serviceRequestId();
		this.incidentId = item.incidentId();
		this.fileName = fileName;
		this.contentType = type.mediaType();
		this.sizeBytes = content.length;
		this.content = content;
		this.authorId = authorId;
		this.createdAt = now;
	}

	AttachmentRow row() {
		return new AttachmentRow(this.id, this.serviceRequestId, this.incidentId, this.createdAt, this.authorId,
				this.fileName, this.contentType, this.sizeBytes);
	}

}
