package ru.telecom.crm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.servicerequest.ServiceRequestProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every task form links to its item's notes and files in the console (ours are the only
 * notes: Camunda's comments are refused), by the id the process keeps for it, and hides
 * the link where the process has no such id.
 */
class TaskFormNotesLinkTests {

	@ParameterizedTest
	@CsvSource({ "QualifyRequest, requests, " + ServiceRequestProcess.SERVICE_REQUEST_ID,
			"IdentifyCaller, requests, " + ServiceRequestProcess.SERVICE_REQUEST_ID,
			"AssignEngineer, incidents, " + IncidentProcess.INCIDENT_ID,
			"StartWork, incidents, " + IncidentProcess.INCIDENT_ID,
			"WorkIncident, incidents, " + IncidentProcess.INCIDENT_ID,
			"ResumeIncident, incidents, " + IncidentProcess.INCIDENT_ID })
	void eachTaskFormLinksToItsItemsNotes(String form, String page, String variable) throws IOException {
		JsonNode components = new ObjectMapper().readTree(Path.of("forms", form + ".form").toFile()).get("components");

		JsonNode link = Stream.iterate(0, (i) -> i < components.size(), (i) -> i + 1)
			.map(components::get)
			.filter((component) -> "text".equals(component.path("type").asText())
					&& component.path("text").asText().contains("](/" + page + "/{{" + variable + "}}#notes)"))
			.findFirst()
			.orElse(null);

		assertThat(link).as("%s links to /%s/{{%s}}#notes", form, page, variable).isNotNull();
		assertThat(link.path("conditional").path("hide").asText()).isEqualTo("=" + variable + " = null");
		assertThat(link.has("key")).as("a link writes nothing").isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "StartServiceRequest" })
	void theStartFormHasNoItemYet(String form) throws IOException {
		assertThat(Files.readString(Path.of("forms", form + ".form"))).doesNotContain("#notes");
	}

}
