package ru.telecom.crm.notes.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ru.telecom.crm.notes.NoteView;

/** An internal work note of a request or an incident: written once, never edited. */
@Entity
@Table(name = "item_note")
class Note {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long serviceRequestId;

	private Long incidentId;

	private Instant createdAt;

	private String authorId;

	@Column(name = "note_text")
	private String text;

	protected Note() {
	}

	Note(Item item, String text, String authorId, Instant now) {
		this.serviceRequestId = item.serviceRequestId();
		this.incidentId = item.incidentId();
		this.text = text;
		this.authorId = authorId;
		this.createdAt = now;
	}

	NoteView view() {
		Item item = Item.of(this.serviceRequestId, this.incidentId);
		return new NoteView(this.id, item.type(), item.id(), this.createdAt, this.authorId, this.text);
	}

}
