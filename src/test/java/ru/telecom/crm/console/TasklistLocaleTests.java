package ru.telecom.crm.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasklist's own words in Russian come from our locale file, which must name every label
 * of the Camunda release we run (a newer webjar adds labels: they would show as keys),
 * and our config.js offers it; the CE banner is hidden by the webapps' user styles.
 */
class TasklistLocaleTests {

	private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void russianTasklistHasEveryLabelOfCamundasEnglish() throws IOException {
		JsonNode english = read(TASKLIST + "locales/en.json");
		JsonNode russian = read(TASKLIST + "locales/ru.json");

		Set<String> missing = new TreeSet<>();
		english.get("labels").fieldNames().forEachRemaining((key) -> {
			if (!russian.get("labels").has(key)) {
				missing.add(key);
			}
		});
		assertThat(english.get("labels").size()).isGreaterThan(300);
		assertThat(missing).isEmpty();
		assertThat(russian.get("labels").get("SORT_BY").asText()).isEqualTo("Сортировать по");
		assertThat(russian.get("dateLocales").get("months").get(0).asText()).isEqualTo("Январь");
	}

	@Test
	void tasklistOffersRussianAndBothAppsHideTheCeBanner() throws IOException {
		String config = new ClassPathResource(TASKLIST + "scripts/config.js")
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(config).containsPattern("availableLocales:\\s*\\['en', 'ru'\\]");

		for (String app : new String[] { "tasklist", "cockpit" }) {
			String styles = new ClassPathResource(
					"META-INF/resources/webjars/camunda/app/" + app + "/styles/user-styles.css")
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(styles).as(app).containsPattern("\\.ce-eol-banner \\{\\s*display: none !important;");
		}
	}

	private JsonNode read(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			byte[] bytes = in.readAllBytes();
			String text = new String(bytes, StandardCharsets.UTF_8);
			// Camunda's own en.json starts with a byte order mark
			return this.json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
		}
	}

}
