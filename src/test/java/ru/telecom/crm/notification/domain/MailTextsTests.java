package ru.telecom.crm.notification.domain;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail texts: every mail in English and in Russian, every placeholder filled. */
class MailTextsTests {

	@Test
	void everyEnglishTextHasItsRussianOne() throws IOException {
		Properties english = load("mail/messages.properties");
		Properties russian = load("mail/messages_ru.properties");

		assertThat(russian.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
		assertThat(english.stringPropertyNames()).hasSize(6);
	}

	@Test
	void aClosedMailInRussianReadsWithEveryValueInPlace() {
		ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
		texts.setBasename("mail/messages");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
		Object[] args = { "1042", "Домашний интернет", "Сетевые операции", "HIGH", "77", "Смирнов Алексей", "ivan",
				"Заменён роутер" };

		String subject = texts.getMessage("mail.incident.incident_closed.subject", args, Locale.forLanguageTag("ru"));
		String body = texts.getMessage("mail.incident.incident_closed.body", args, Locale.forLanguageTag("ru"));

		assertThat(subject).isEqualTo("[Инцидент №1042] Закрыт: Домашний интернет");
		assertThat(body).contains("«Сетевые операции»", "Обращение: №77", "Исполнитель: ivan", "Заменён роутер")
			.doesNotContain("{");
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStreamReader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
