package ru.telecom.crm.servicerequest;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The same lifecycle driven through Camunda's engine REST API, as an integrator or a
 * Tasklist-like client would: the same processes, the same status history.
 */
@PostgresIntegrationTest
class EngineRestLifecycleIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ServiceRequestApi requests;

	@Autowired
	IncidentApi incidents;

	@Autowired
	StatusHistory history;

	@Test
	void aRequestIsDrivenToClosedThroughTheEngineRestApi() {
		JsonNode started = post("anna", "/engine-rest/process-definition/key/ServiceRequestProcess/start",
				Map.of("variables", Map.of("clientPhone", value("8 900 777 88 99"), "orderCode", value("ORD-3001"),
						"description", value("Internet drops every hour"))));
		String requestProcess = started.get("id").asText();
		long requestId = Long.parseLong(started.get("businessKey").asText());

		complete("anna", taskOf(requestProcess), Map.of("requestDecision", value("OPEN_INCIDENT"), "serviceCode",
				Map.of("value", 1001, "type", "Integer")));
		// an agent may not read process instances through the engine REST API; her
		// manager may
		assertThat(this.rest.withBasicAuth("anna", "anna")
			.getForEntity("/engine-rest/process-instance/" + requestProcess + "/variables/description", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(
				get("maria", "/engine-rest/process-instance/" + requestProcess + "/variables/description").get("value")
					.asText())
			.isEqualTo("Internet drops every hour");
		long incidentId = this.incidents.findByServiceRequest(requestId).orElseThrow().id();
		String incidentProcess = get("olga",
				"/engine-rest/process-instance?processDefinitionKey=IncidentProcess&businessKey=" + incidentId)
			.get(0)
			.get("id")
			.asText();
		// a manager takes the queue's task to choose the engineer
		String assign = taskOf(incidentProcess);
		assertThat(this.rest.withBasicAuth("olga", "olga")
			.postForEntity("/engine-rest/task/" + assign + "/claim", Map.of("userId", "olga"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		complete("olga", assign,
				Map.of(IncidentProcess.DECISION, value("ASSIGN"), IncidentProcess.ENGINEER, value("ivan")));
		complete("ivan", taskOf(incidentProcess), Map.of(IncidentProcess.DECISION, value("START")));
		complete("ivan", taskOf(incidentProcess), Map.of(IncidentProcess.DECISION, value("CLOSE"),
				IncidentProcess.NARRATIVE, value("Line card replaced")));

		assertThat(this.requests.find(requestId).orElseThrow().status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(this.incidents.find(incidentId).orElseThrow().status()).isEqualTo(IncidentStatus.CLOSED);
		assertThat(this.history.ofServiceRequest(requestId))
			.extracting(StatusEntry::oldStatus, StatusEntry::newStatus, StatusEntry::actorId)
			.containsExactly(tuple(null, "NEW", "anna"), tuple("NEW", "IN_PROGRESS", "anna"),
					tuple("IN_PROGRESS", "CLOSED", "ivan"));
		assertThat(this.history.ofIncident(incidentId))
			.extracting(StatusEntry::oldStatus, StatusEntry::newStatus, StatusEntry::actorId)
			.containsExactly(tuple(null, "NEW", "anna"), tuple("NEW", "ASSIGNED", "olga"),
					tuple("ASSIGNED", "INWORK", "ivan"), tuple("INWORK", "CLOSED", "ivan"));
	}

	@Test
	void aDecisionTheTaskDoesNotOfferChangesNothing() {
		JsonNode started = post("boris", "/engine-rest/process-definition/key/ServiceRequestProcess/start",
				Map.of("variables", Map.of("clientPhone", value("+79007778899"), "orderCode", value("ORD-3001"))));
		long requestId = Long.parseLong(started.get("businessKey").asText());
		String task = taskOf(started.get("id").asText());

		ResponseEntity<JsonNode> refused = this.rest.withBasicAuth("boris", "boris")
			.postForEntity("/engine-rest/task/" + task + "/complete",
					Map.of("variables", Map.of("requestDecision", value("ESCALATE"))), JsonNode.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("errors").get("requestDecision").asText()).contains("CLOSE", "OPEN_INCIDENT");
		assertThat(this.requests.find(requestId).orElseThrow().status()).isEqualTo(RequestStatus.NEW);
		assertThat(this.history.ofServiceRequest(requestId)).hasSize(1);
	}

	@Test
	void theEngineRestApiNeedsSigningIn() {
		ResponseEntity<JsonNode> anonymous = this.rest.getForEntity("/engine-rest/task", JsonNode.class);

		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private String taskOf(String processInstanceId) {
		JsonNode tasks = get("admin", "/engine-rest/task?processInstanceId=" + processInstanceId);
		assertThat(tasks).hasSize(1);
		return tasks.get(0).get("id").asText();
	}

	private void complete(String user, String taskId, Map<String, Object> variables) {
		ResponseEntity<String> response = this.rest.withBasicAuth(user, user)
			.postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables), String.class);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private JsonNode post(String user, String path, Object body) {
		ResponseEntity<JsonNode> response = this.rest.withBasicAuth(user, user)
			.postForEntity(path, body, JsonNode.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private JsonNode get(String user, String path) {
		ResponseEntity<JsonNode> response = this.rest.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private static Map<String, Object> value(Object value) {
		return Map.of("value", value);
	}

}
