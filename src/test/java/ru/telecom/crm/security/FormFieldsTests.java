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
			.errorsIn(variables(Map.of("decision", Map.of("value", "CLOSE"), "narrative",
					Map.of("value", "Line card replaced"), "incidentId", Map.of("value", 7)))))
			.containsOnlyKeys("incidentId");
	}

	@Test
	void whatTheFormOnlyShowsIsNotAFieldOneFillsIn() {
		assertThat(FormFields.of("WorkIncident")
			.errorsIn(variables(Map.of("decision", Map.of("value", "HOLD"), "holdReason",
					Map.of("value", "waiting for a part"), "incidentSummary", Map.of("value", "rewritten")))))
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
	void aRequiredFieldTheFormHidesIsRequiredOnlyWhereItIsShown() {
		// the narrative is required to close and hidden when putting on hold
		assertThat(FormFields.of("WorkIncident")
			.errorsIn(variables(
					Map.of("decision", Map.of("value", "HOLD"), "holdReason", Map.of("value", "waiting for a part")))))
			.isEmpty();
		assertThat(FormFields.of("WorkIncident")
			.errorsIn(variables(
					Map.of("decision", Map.of("value", "CLOSE"), "narrative", Map.of("value", "x".repeat(8001))))))
			.containsOnlyKeys("narrative");
		assertThat(FormFields.of("WorkIncident").errorsIn(variables(Map.of("decision", Map.of("value", "CLOSE")))))
			.containsExactly(Map.entry("narrative", "is required"));
	}

	@Test
	void theReasonToCloseIsRequiredWhereTheFormShowsItThatIsToCloseWithoutAnIncident() {
		FormFields qualify = FormFields.of("QualifyRequest");

		assertThat(qualify.errorsIn(variables(Map.of("requestDecision", Map.of("value", "CLOSE")))))
			.containsExactly(Map.entry("closingReason", "is required"));
		assertThat(qualify.errorsIn(
				variables(Map.of("requestDecision", Map.of("value", "CLOSE"), "closingReason", Map.of("value", "  ")))))
			.containsOnlyKeys("closingReason");
		assertThat(qualify.errorsIn(variables(Map.of("requestDecision", Map.of("value", "CLOSE"), "closingReason",
				Map.of("value", "x".repeat(1001), "type", "String")))))
			.containsEntry("closingReason", "is longer than 1000 characters");
		assertThat(qualify.errorsIn(variables(Map.of("requestDecision", Map.of("value", "CLOSE"), "closingReason",
				Map.of("value", "The client's own router", "type", "String")))))
			.isEmpty();
		// hidden when an incident is opened, where the service is required instead
		assertThat(qualify.errorsIn(variables(Map.of("requestDecision", Map.of("value", "OPEN_INCIDENT")))))
			.containsExactly(Map.entry("serviceCode", "is required"));
		assertThat(qualify.errorsIn(variables(
				Map.of("requestDecision", Map.of("value", "OPEN_INCIDENT"), "serviceCode", Map.of("value", 1001)))))
			.isEmpty();
	}

	@Test
	void aTaskOpenOnAnEarlierFormIsCheckedWithoutTheFieldsTheFormShowsOnlyOnAChoice() {
		assertThat(FormFields.of("QualifyRequest")
			.errorsIn(variables(Map.of("requestDecision", Map.of("value", "CLOSE"))), true)).isEmpty();
		assertThat(FormFields.of("QualifyRequest").errorsIn(variables(Map.of()), true))
			.containsExactly(Map.entry("requestDecision", "is required"));
	}

	@Test
	void theReasonsAndTheNewPriorityAreWrittenAsTransientVariables() {
		assertThat(FormFields.of("QualifyRequest").transientFields()).containsExactlyInAnyOrder("closingReason",
				"newPriority", "priorityReason");
		assertThat(FormFields.of("WorkIncident").transientFields()).containsExactlyInAnyOrder("newPriority",
				"priorityReason");
		assertThat(FormFields.of("StartWork").transientFields()).isEmpty();
	}

	@Test
	void aNewPriorityNeedsAReasonAndIsOneOfTheFour() {
		FormFields form = FormFields.of("AssignEngineer");
		assertThat(form.errorsIn(variables(Map.of("decision", Map.of("value", "ASSIGN"))))).isEmpty();
		assertThat(form
			.errorsIn(variables(Map.of("decision", Map.of("value", "ASSIGN"), "newPriority", Map.of("value", "HIGH")))))
			.containsOnlyKeys("priorityReason");
		assertThat(form.errorsIn(variables(Map.of("decision", Map.of("value", "ASSIGN"), "newPriority",
				Map.of("value", "SOON"), "priorityReason", Map.of("value", "now")))))
			.containsOnlyKeys("newPriority");
		assertThat(form.errorsIn(variables(Map.of("decision", Map.of("value", "ASSIGN"), "newPriority",
				Map.of("value", "HIGH"), "priorityReason", Map.of("value", "A business line")))))
			.isEmpty();
	}

	@Test
	void anEmailTheServerWouldRefuseIsRefusedByTheFormsPattern() {
		assertThat(FormFields.of("StartServiceRequest")
			.errorsIn(variables(Map.of("clientPhone", Map.of("value", "+79007778899"), "orderCode",
					Map.of("value", "ORD-3001"), "clientEmail", Map.of("value", "not an email")))))
			.containsOnlyKeys("clientEmail");
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
