package ru.telecom.crm.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/**
 * What GreenMail received about one incident, as the mails people would see: one per
 * Message-ID, with its subject and recipients. GreenMail keeps a copy per recipient; a
 * mail sent twice would show as more copies than recipients.
 */
public final class Mailbox {

	private Mailbox() {
	}

	/** A mail: its subject and its recipients, sorted. */
	public record Mail(String subject, List<String> to) {
	}

	/**
	 * Waits until {@code copies} deliveries of mails about the incident arrived
	 * (Message-IDs {@code <incident-<id>.…>}), then reads them, by Message-ID. Mails
	 * about other tests' incidents, still on their way, are left out.
	 */
	public static Map<String, Mail> awaitAbout(GreenMailOperations greenMail, long incidentId, int copies) {
		await().alias(copies + " copies of mails about incident " + incidentId)
			.atMost(Duration.ofSeconds(30))
			.until(() -> copiesAbout(greenMail, incidentId) >= copies);
		// a mail sent twice would arrive now
		int arrived = copiesAbout(greenMail, incidentId);
		await().alias("no further copy of a mail about incident " + incidentId)
			.during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> copiesAbout(greenMail, incidentId) == arrived);
		Map<String, Mail> mails = new LinkedHashMap<>();
		for (MimeMessage message : about(greenMail, incidentId)) {
			mails.putIfAbsent(messageId(message), new Mail(subject(message), recipients(message)));
		}
		return mails;
	}

	/** The text of the mail with this Message-ID, as its reader sees it. */
	public static String textOf(GreenMailOperations greenMail, String messageId) {
		MimeMessage message = Arrays.stream(greenMail.getReceivedMessages())
			.filter((received) -> messageId.equals(messageId(received)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No mail " + messageId));
		try {
			return (String) message.getContent();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** How many copies of mails about the incident arrived in all. */
	public static int copiesAbout(GreenMailOperations greenMail, long incidentId) {
		return about(greenMail, incidentId).size();
	}

	private static List<MimeMessage> about(GreenMailOperations greenMail, long incidentId) {
		String prefix = "<incident-" + incidentId + ".";
		return Arrays.stream(greenMail.getReceivedMessages())
			.filter((message) -> messageId(message) != null && messageId(message).startsWith(prefix))
			.toList();
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> recipients(MimeMessage message) {
		try {
			return List
				.copyOf(new TreeSet<>(Arrays.stream(message.getAllRecipients()).map(Address::toString).toList()));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
