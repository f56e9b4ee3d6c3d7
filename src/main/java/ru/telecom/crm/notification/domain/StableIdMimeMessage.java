package ru.telecom.crm.notification.domain;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail whose Message-ID is ours, not a fresh one per send: a retry after a crash
 * between the server's accept and our record carries the same id, and mail readers show
 * one mail.
 */
class StableIdMimeMessage extends MimeMessage {

	private final String messageId;

	StableIdMimeMessage(Session session, String messageId) {
		super(session);
		this.messageId = messageId;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		setHeader("Message-ID", this.messageId);
	}

}
