package ru.telecom.crm.notification.domain;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The mails' words, from {@code mail/messages*.properties}: a template's subject and body
 * in a language. Staff templates are {@code mail.incident.*}; what a client reads is
 * {@code mail.client.*}, written for the customer and given only what a customer may see.
 */
final class MailTexts {

	private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

	MailTexts() {
		this.texts.setBasename("mail/messages");
		this.texts.setDefaultEncoding("UTF-8");
		this.texts.setFallbackToSystemLocale(false);
	}

	/**
	 * The template's subject and body with every {@code {n}} filled. Pass numbers that
	 * are ids as text, or 1042 is written "1,042".
	 */
	Text of(String template, Locale locale, Object... args) {
		return new Text(this.texts.getMessage(template + ".subject", args, locale),
				this.texts.getMessage(template + ".body", args, locale));
	}

	/** A mail's subject and body. */
	record Text(String subject, String body) {
	}

}
