package ru.telecom.crm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.Phones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the server checks of a task's or start form's field, the form checks itself
 * (required, length, pattern), so Tasklist says it beside the field before anything is
 * sent; and every word a form shows is in English and Russian (Camunda Forms cannot be
 * translated).
 */
class FormRulesTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Phones PHONES = new Phones(new Phones.Settings("RU"));

	private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

	/** form, field, required, max length, has a pattern: the server's rules for it. */
	@ParameterizedTest
	@CsvSource({ "StartServiceRequest, clientPhone, true, 32, true", "StartServiceRequest, orderCode, true, 64, true",
			"StartServiceRequest, orderName, false, 300, false",
			"StartServiceRequest, clientLastName, false, 100, false",
			"StartServiceRequest, clientFirstName, false, 100, false",
			"StartServiceRequest, clientEmail, false, 254, true",
			"StartServiceRequest, description, false, 4000, false", "IdentifyCaller, clientPhone, true, 32, true",
			"IdentifyCaller, orderCode, true, 64, true", "IdentifyCaller, clientLastName, false, 100, false",
			"QualifyRequest, requestDecision, true, 0, false", "QualifyRequest, serviceCode, true, 0, false",
			"QualifyRequest, closingReason, true, 1000, false", "AssignEngineer, decision, true, 0, false",
			"AssignEngineer, engineer, false, 100, false", "StartWork, decision, true, 0, false",
			"WorkIncident, decision, true, 0, false", "WorkIncident, holdReason, true, 1000, false",
			"WorkIncident, narrative, true, 8000, false", "ResumeIncident, decision, true, 0, false",
			"ResumeIncident, narrative, true, 8000, false" })
	void eachFieldTheServerChecksHasTheSameRuleInItsForm(String form, String key, boolean required, int maxLength,
			boolean pattern) throws IOException {
		JsonNode field = components(form).filter((c) -> key.equals(c.path("key").asText()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(form + " has no field " + key));
		JsonNode validate = field.path("validate");

		assertThat(validate.path("required").asBoolean(false)).as(form + "." + key + " required").isEqualTo(required);
		if (maxLength > 0) {
			assertThat(validate.path("maxLength").asInt(-1)).as(form + "." + key + " maxLength").isEqualTo(maxLength);
		}
		assertThat(validate.has("pattern")).as(form + "." + key + " pattern").isEqualTo(pattern);
	}

	@Test
	void thePhonePatternLetsThroughWhatTheServerReadsAndStopsWhatItRefuses() throws IOException {
		Pattern phone = pattern("StartServiceRequest", "clientPhone");

		for (String good : List.of("8 (900) 111-22-33", "+7 900 444-55-66", "+79007778899")) {
			assertThat(phone.matcher(good).matches()).as(good).isTrue();
			assertThat(PHONES.normalize(good, "clientPhone")).startsWith("+7");
		}
		for (String bad : List.of("call me", "12", "+7 900 abc")) {
			assertThat(phone.matcher(bad).matches()).as(bad).isFalse();
			assertThatThrownBy(() -> PHONES.normalize(bad, "clientPhone")).isInstanceOf(InvalidInputException.class);
		}
	}

	@Test
	void theEmailAndOrderCodePatternsStopWhatTheServerRefuses() throws IOException {
		Pattern email = pattern("StartServiceRequest", "clientEmail");
		Pattern order = pattern("IdentifyCaller", "orderCode");

		assertThat(email.matcher("a.smirnov@example.com").matches()).isTrue();
		assertThat(email.matcher("not an email").matches()).isFalse();
		assertThat(order.matcher("ORD-1001").matches()).isTrue();
		assertThat(order.matcher("-bad code").matches()).isFalse();
	}

	@Test
	void everyWordAFormShowsIsInEnglishAndRussian() throws IOException {
		List<String> monolingual = new ArrayList<>();
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			for (Path form : forms.filter((p) -> p.toString().endsWith(".form")).toList()) {
				String id = form.getFileName().toString().replace(".form", "");
				components(id).forEach((component) -> {
					for (String part : List.of("label", "text", "description")) {
						check(id, component.path(part), monolingual);
					}
					component.path("values").forEach((value) -> check(id, value.path("label"), monolingual));
				});
			}
		}

		assertThat(monolingual).isEmpty();
	}

	private static void check(String form, JsonNode words, List<String> monolingual) {
		if (words.isTextual() && !(words.asText().contains(" / ") || words.asText().contains(" · "))
				|| words.isTextual() && !CYRILLIC.matcher(words.asText()).find()) {
			monolingual.add(form + ": " + words.asText());
		}
	}

	private static Pattern pattern(String form, String key) throws IOException {
		return Pattern.compile(components(form).filter((c) -> key.equals(c.path("key").asText()))
			.findFirst()
			.orElseThrow()
			.path("validate")
			.path("pattern")
			.asText());
	}

	private static Stream<JsonNode> components(String form) throws IOException {
		List<JsonNode> all = new ArrayList<>();
		collect(JSON.readTree(Path.of("forms", form + ".form").toFile()), all);
		return all.stream();
	}

	private static void collect(JsonNode container, List<JsonNode> all) {
		for (JsonNode component : container.path("components")) {
			all.add(component);
			collect(component, all);
		}
	}

}
