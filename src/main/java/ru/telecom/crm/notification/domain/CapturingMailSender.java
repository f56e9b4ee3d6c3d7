package ru.telecom.crm.notification.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The embedded default's mail server: every mail becomes an {@code .eml} file in a folder
 * the user can open with any mail program.
 */
class CapturingMailSender extends JavaMailSenderImpl {

	private static final Logger log = LoggerFactory.getLogger(CapturingMailSender.class);

	private final Path folder;

	CapturingMailSender(Path folder) {
		this.folder = folder;
	}

	@Override
	public void send(MimeMessage... messages) {
		for (MimeMessage message : messages) {
			try {
				message.saveChanges();
				Files.createDirectories(this.folder);
				String name = message.getMessageID().replaceAll("[<>]", "").replaceAll("[^A-Za-z0-9.@-]", "_") + ".eml";
				Path file = this.folder.resolve(name);
				try (OutputStream out = Files.newOutputStream(file)) {
					message.writeTo(out);
				}
				log.info("Mail '{}' captured in {}", message.getSubject(), file.toAbsolutePath());
			}
			catch (IOException | MessagingException ex) {
				throw new MailPreparationException("Could not capture the mail in " + this.folder, ex);
			}
		}
	}

	@Override
	public void send(SimpleMailMessage... messages) {
		throw new UnsupportedOperationException("Mails are MIME messages");
	}

}
