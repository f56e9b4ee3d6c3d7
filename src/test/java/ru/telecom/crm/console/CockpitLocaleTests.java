package ru.telecom.crm.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cockpit's "incidents" are failed jobs of the engine, not ours: our copy of its English
 * labels calls them job failures, and is Camunda's file of the release we run but for
 * those labels (a newer webjar's labels would otherwise show as keys, or keep the old
 * word). Cockpit offers no other language: Camunda ships only English and German and
 * enables only English, which our copy covers.
 */
class CockpitLocaleTests {

	private static final String COCKPIT = "META-INF/resources/webjars/camunda/app/cockpit/";

	private static final Pattern INCIDENT = Pattern.compile("incident", Pattern.CASE_INSENSITIVE);

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void ourEnglishLabelsAreServedInsteadOfTheWebjarsAndNameNoIncident() throws IOException {
		List<URL> files = copies(COCKPIT + "locales/en.json");
		JsonNode ours = read(files.get(0)).get("labels");

		assertThat(files).hasSize(2);
		assertThat(files.get(0).toString()).doesNotContain("camunda-webapp-webjar");
		assertThat(ours.get("PLUGIN_INCIDENTS_LABEL").asText()).isEqualTo("Job Failures");
		assertThat(ours.get("PLUGIN_PROCESS_DEF_INCIDENTS").asText()).isEqualTo("Job Failures");
		assertThat(ours.get("DASHBOARD_OPEN_INCIDENTS").asText()).isEqualTo("Open Job Failures");
		assertThat(ours.get("PLUGIN_INCIDENTS_TAB_NO_INCIDENTS").asText()).isEqualTo("No job failures");
		Set<String> stillSayingIt = new TreeSet<>();
		ours.fields().forEachRemaining((label) -> {
			if (INCIDENT.matcher(label.getValue().asText()).find()) {
				stillSayingIt.add(label.getKey());
			}
		});
		assertThat(stillSayingIt).isEmpty();
	}

	@Test
	void ourEnglishLabelsAreCamundasButForTheIncidentOnes() throws IOException {
		List<URL> files = copies(COCKPIT + "locales/en.json");
		JsonNode ours = read(files.get(0));
		JsonNode camundas = read(files.get(1));
		Map<String, String> changed = new TreeMap<>();
		Set<String> keys = new TreeSet<>();
		camundas.get("labels").fieldNames().forEachRemaining(keys::add);
		ours.get("labels").fieldNames().forEachRemaining(keys::add);

		// after an upgrade of Camunda, copy its new file and rename the incidents again
		assertThat(files.get(1).toString()).contains("camunda-webapp-webjar");
		assertThat(ours.get("dateLocales")).isEqualTo(camundas.get("dateLocales"));
		for (String key : keys) {
			JsonNode camundaLabel = camundas.get("labels").get(key);
			JsonNode ourLabel = ours.get("labels").get(key);
			assertThat(ourLabel).as("our label %s", key).isNotNull();
			assertThat(camundaLabel).as("Camunda's label %s", key).isNotNull();
			if (!ourLabel.equals(camundaLabel)) {
				changed.put(key, camundaLabel.asText());
			}
		}
		assertThat(changed).hasSize(47)
			.allSatisfy((key, camundaLabel) -> assertThat(camundaLabel).containsIgnoringCase("incident"));
	}

	@Test
	void cockpitOffersOnlyEnglish() throws IOException {
		String config = text(copies(COCKPIT + "scripts/config.js").get(0));

		// Camunda's config.js leaves its locales commented out: English only
		assertThat(config.lines().filter((line) -> line.contains("availableLocales")))
			.allSatisfy((line) -> assertThat(line.strip()).startsWith("//"));
	}

	private List<URL> copies(String path) throws IOException {
		return Collections.list(getClass().getClassLoader().getResources(path));
	}

	private JsonNode read(URL url) throws IOException {
		String text = text(url);
		// Camunda's en.json starts with a byte order mark
		return this.json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
	}

	private static String text(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
