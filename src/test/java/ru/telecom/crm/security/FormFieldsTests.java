package ru.telecom.crm.security;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a task completion may write, read from the task's own form. */
class FormFieldsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void theFieldsOfTheFormAreAcceptedWithinTheirLimits() {
		assertThat(FormFields.of("WorkIncident")
			.errorsIn(variables(Map.of("decision", Map.of("value", "CLOSE"), "narrative",
					Map.of("value", "Line card replaced", "type", "String")))))
			.isEmpty();
	}

	@Test
	void aVariableThatIsNoFieldOfTheFormIsRefused() {
		assertThat(FormFields.of("WorkIncident")
			.errorsIn(variables(Map.of("decision", Map.of("value", "CLOSE"), "incidentId", Map.of("value", 7)))))
			.containsOnlyKeys("incidentId");
	}

	@Test
	void whatTheFormOnlyShowsIsNotAFieldOneFillsIn() {
		assertThat(FormFields.of("WorkIncident")
			.errorsIn(variables(
					Map.of("decision", Map.of("value", "HOLD"), "incidentSummary", Map.of("value", "rewritten")))))
			.containsOnlyKeys("incidentSummary");
	}

	@Test
	void anOptionTheFormDoesNotOfferIsRefused() {
		assertThat(FormFields.of("StartWork").errorsIn(variables(Map.of("decision", Map.of("value", "CLOSE")))))
			.containsEntry("decision", "must be one of [RETURN, START]");
	}

	@Test
	void requiredFieldsLengthsAndPatternsAreTheForms() {
		assertThat(
				FormFields.of("StartServiceRequest")
					.errorsIn(variables(Map.of("clientPhone", Map.of("value", "call me maybe"), "description",
							Map.of("value", "x".repeat(4001))))))
			.containsOnlyKeys("clientPhone", "description", "orderCode");
	}

	@Test
	void onlyPlainValuesAreTaken() {
		assertThat(FormFields.of("QualifyRequest")
			.errorsIn(variables(Map.of("requestDecision",
					Map.of("value", "rO0AB", "type", "Object", "valueInfo", Map.of("objectTypeName",
							"java.util.HashMap", "serializationDataFormat", "application/x-java-serialized-object"))))))
			.containsOnlyKeys("requestDecision");
	}

	@Test
	void aFormThatIsNotThereTakesNothing() {
		assertThat(FormFields.none("a task without a form").errorsIn(variables(Map.of("x", Map.of("value", 1)))))
			.containsOnlyKeys("x");
	}

	private static JsonNode variables(Map<String, Object> variables) {
		return JSON.valueToTree(variables);
	}

}
