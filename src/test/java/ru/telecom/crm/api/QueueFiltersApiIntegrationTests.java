package ru.telecom.crm.api;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.ChannelMessage;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request and incident lists' queue filters in the API, as in the console:
 * {@code assignee=me|none} and {@code sort=newest|oldest|priority}, never showing more
 * than the caller may see.
 */
@PostgresIntegrationTest
class QueueFiltersApiIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RequestActions requests;

	@Autowired
	IncidentApi incidents;

	@Test
	void anAgentListsHisOwnRequestsMostUrgentFirst() {
		long low = open("boris", "LOW");
		long critical = open("boris", "CRITICAL");
		long normal = open("boris", "NORMAL");
		open("anna", "CRITICAL");

		JsonNode page = get("boris", "/api/service-requests?assignee=me&sort=priority&size=100").getBody();

		assertThat(items(page)).allSatisfy((item) -> assertThat(item.get("assignee").asText()).isEqualTo("boris"));
		assertThat(ids(page)).containsSubsequence(critical, normal, low);
		assertThat(ids(get("boris", "/api/service-requests?assignee=ME&sort=oldest&size=100").getBody()))
			.containsSubsequence(low, critical, normal);
	}

	@Test
	void unassignedListsOnlyTheQueueAndNeverWidensWhatTheCallerSees() {
		long annas = open("anna", "HIGH");
		long incident = this.rest.withBasicAuth("anna", "anna")
			.postForEntity("/api/service-requests/" + annas + "/incident", Map.of("serviceCode", 1001), JsonNode.class)
			.getBody()
			.get("id")
			.asLong();

		JsonNode queue = get("ivan", "/api/incidents?assignee=none&sort=priority&size=100").getBody();
		assertThat(ids(queue)).contains(incident);
		assertThat(items(queue)).allSatisfy((item) -> assertThat(item.get("assignee").isNull()).isTrue());
		assertThat(ids(get("ivan", "/api/incidents?assignee=me&size=100").getBody())).doesNotContain(incident);
		assertThat(ids(get("sergey", "/api/incidents?assignee=none&size=100").getBody()))
			.as("another work group's queue stays hidden, as its items answer 404")
			.doesNotContain(incident);
		assertThat(get("sergey", "/api/incidents/" + incident).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		// the helpdesk's queue: a message nobody has taken, no incident
		long queued = this.requests
			.receive(new ChannelMessage(Channel.TELEGRAM, "my tv is broken", null, null, "my tv is broken"))
			.id();
		long ivansGroup = this.incidents.find(incident).orElseThrow().workGroupId();
		assertThat(ids(get("ivan", "/api/service-requests?assignee=none&size=100").getBody()))
			.as("the helpdesk queue is not the third line's: only the requests of its group's incidents")
			.doesNotContain(queued)
			.allSatisfy((id) -> assertThat(this.incidents.findByServiceRequest(id))
				.hasValueSatisfying((found) -> assertThat(found.workGroupId()).isEqualTo(ivansGroup)));
	}

	@Test
	void anUnknownSortOrAnOverlongAssigneeIsAProblem() {
		ResponseEntity<JsonNode> sort = get("anna", "/api/service-requests?sort=sideways");
		assertThat(sort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(sort.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(sort.getBody().toString()).contains("sort");
		assertThat(get("ivan", "/api/incidents?sort=sideways").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(get("anna", "/api/incidents?assignee=" + "x".repeat(101)).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void aMachineClientsUnassignedListShowsNoneOfTheHelpdesksQueue() {
		long annas = open("anna", "NORMAL");
		assertThat(ids(get("esb", "/api/service-requests?assignee=none&size=100").getBody())).doesNotContain(annas);
		assertThat(get("esb", "/api/service-requests/" + annas).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theOpenApiDocumentDescribesTheQueueFilters() {
		String document = this.rest.withBasicAuth("anna", "anna").getForObject("/v3/api-docs", String.class);
		assertThat(document).contains("`me` for the caller's own, `none` for the unassigned ones")
			.contains("\"newest\",\"oldest\",\"priority\"");
	}

	private long open(String agent, String priority) {
		return this.rest.withBasicAuth(agent, agent)
			.postForEntity("/api/service-requests",
					Map.of("clientPhone", "+79007778899", "orderCode", "ORD-3001", "description", "Queue " + priority,
							"priority", priority),
					JsonNode.class)
			.getBody()
			.get("id")
			.asLong();
	}

	private ResponseEntity<JsonNode> get(String user, String path) {
		return this.rest.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
	}

	private static List<JsonNode> items(JsonNode page) {
		return StreamSupport.stream(page.get("items").spliterator(), false).toList();
	}

	private static List<Long> ids(JsonNode page) {
		return items(page).stream().map((item) -> item.get("id").asLong()).toList();
	}

}
