package ru.telecom.crm.notification.domain;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail texts: every mail in English and in Russian, every placeholder filled. */
class MailTextsTests {

	private static final Locale RU = Locale.forLanguageTag("ru");

	private final MailTexts texts = new MailTexts();

	@Test
	void everyEnglishTextHasItsRussianOne() throws IOException {
		Properties english = load("mail/messages.properties");
		Properties russian = load("mail/messages_ru.properties");

		assertThat(russian.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
		assertThat(english.stringPropertyNames()).hasSize(8 + 12); // the incident and
																	// client mails, and
																	// the SLA alarms:
																	// three kinds of two
																	// targets
	}

	@Test
	void aClosedMailInRussianReadsWithEveryValueInPlace() {
		MailTexts.Text closed = this.texts.of("mail.incident.incident_closed", RU, "1042", "Домашний интернет",
				"Сетевые операции", "HIGH", "77", "Смирнов Алексей", "ivan", "Заменён роутер");

		assertThat(closed.subject()).isEqualTo("[Инцидент №1042] Закрыт: Домашний интернет");
		assertThat(closed.body())
			.contains("«Сетевые операции»", "Обращение: №77", "Исполнитель: ivan", "Заменён роутер")
			.doesNotContain("{");
	}

	@Test
	void theClientsMailSaysItsRequestIsResolvedInRussian() {
		MailTexts.Text resolved = this.texts.of("mail.client.request_resolved", RU, "1077", "1042");

		assertThat(resolved.subject()).isEqualTo("Ваше обращение №1077 решено");
		assertThat(resolved.body()).contains("Здравствуйте", "обращение №1077 решено", "инцидент №1042")
			.doesNotContain("{");
		assertThat(this.texts.of("mail.client.request_resolved", Locale.ENGLISH, "1077", "1042").subject())
			.isEqualTo("Your request #1077 is resolved");
	}

	@Test
	void theClientsTemplateTakesOnlyTheRequestAndIncidentNumbers() throws IOException {
		for (String file : new String[] { "mail/messages.properties", "mail/messages_ru.properties" }) {
			Properties texts = load(file);
			for (String part : new String[] { "subject", "body" }) {
				String template = texts.getProperty("mail.client.request_resolved." + part);
				assertThat(placeholders(template)).as("%s %s", file, part).isSubsetOf("0", "1");
			}
		}
	}

	private static TreeSet<String> placeholders(String template) {
		TreeSet<String> found = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\{(\\d+)").matcher(template);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
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
