package ru.telecom.crm.notification.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mail that went out: its event key is unique, so an event is mailed once. */
@Entity
@Table(name = "mail_delivery")
class MailDelivery {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String eventKey;

	private String messageId;

	private String kind;

	private long incidentId;

	private String recipients;

	private String subject;

	private Instant sentAt;

	protected MailDelivery() {
	}

	MailDelivery(String eventKey, String messageId, String kind, long incidentId, String recipients, String subject,
			Instant sentAt) {
		this.eventKey = eventKey;
		this.messageId = messageId;
		this.kind = kind;
		this.incidentId = incidentId;
		this.recipients = recipients;
		this.subject = subject;
		this.sentAt = sentAt;
	}

}
