package ru.telecom.crm.notification.domain;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mail goes out.
 *
 * @param from the sender address
 * @param locale the language of the staff's mails: {@code en} or {@code ru}
 * @param clientLocale the language of the clients' mails: {@code ru} or {@code en}; a
 * client record carries no language of its own, so this is every client's
 * @param transport {@code smtp} (Spring Mail's {@code spring.mail.*} server) or
 * {@code capture} (the embedded default: mails written as {@code .eml} files to
 * {@code captureDir}, readable without a mail server)
 * @param captureDir where captured mails go
 * @param messageIdDomain the right-hand side of our Message-IDs
 * @param zone the time zone staff mails write instants in (an SLA due time)
 */
@ConfigurationProperties("crm.mail")
record MailSettings(@DefaultValue("helpdesk@telecom.example") String from, @DefaultValue("en") Locale locale,
		@DefaultValue("ru") Locale clientLocale, @DefaultValue("smtp") String transport,
		@DefaultValue("target/mail") Path captureDir, @DefaultValue("helpdesk.telecom.example") String messageIdDomain,
		@DefaultValue("Europe/Moscow") ZoneId zone) {
}
