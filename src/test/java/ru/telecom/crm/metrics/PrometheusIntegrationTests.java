package ru.telecom.crm.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.Dashboards;
import ru.telecom.crm.support.Dashboards.Query;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.PrometheusServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus scrapes the app as two targets (two nodes exporting the same truth):
 * what the boards ask of it holds one row per item, and an item that closes is gone after
 * the next scrape.
 */
@PostgresIntegrationTest
class PrometheusIntegrationTests {

	private static final Path BOARD = Dashboards.DIRECTORY.resolve("operations.json");

	private static PrometheusServer prometheus;

	@LocalServerPort
	int port;

	@Autowired
	RequestActions requestActions;

	@Autowired
	IncidentActions incidentActions;

	@Autowired
	IdentityService identity;

	@BeforeEach
	void prometheus() {
		if (prometheus == null) {
			prometheus = PrometheusServer.scraping(this.port, "metrics", PostgresDatabases.SCRAPE_PASSWORD);
		}
	}

	@Test
	void twoNodesGiveOneRowPerItemAndAClosedItemIsGoneAfterTheNextScrape() {
		IncidentView incident = assignedToIvan();
		String item = "crm_open_item_age_seconds{type=\"incident\",id=\"" + incident.id() + "\"}";
		// both targets scraped it as assigned: the NEW series before it went stale then
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					prometheus.query("crm_open_item_age_seconds{status=\"ASSIGNED\",id=\"" + incident.id() + "\"}"))
				.hasSize(2));

		JsonNode rows = prometheus
			.query("max by (id, type, status, group, service, assignee, priority) (" + item + ")");
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.path("metric").path("status").asText()).isEqualTo("ASSIGNED");
			assertThat(row.path("metric").path("assignee").asText()).isEqualTo("ivan");
			assertThat(row.path("metric").path("group").asText()).isEqualTo("100");
			assertThat(row.path("metric").path("service").asText()).isEqualTo("1001");
		});

		as("ivan",
				() -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));
		as("ivan", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.CLOSED,
				new TransitionDetails(null, "Replaced the port on the switch", null)));

		// scraped every second: gone within a few scrapes of the closing, not after
		// Prometheus's five-minute look-back
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(prometheus.query(item)).isEmpty());
		assertThat(prometheus.query("crm_open_item_status_age_seconds{type=\"incident\",id=\"" + incident.id() + "\"}"))
			.isEmpty();
	}

	@Test
	void everyQueryOfTheOperationsBoardFindsTheItemsItShows() {
		IncidentView unassigned = opened();
		IncidentView held = assignedToIvan();
		as("ivan", () -> this.incidentActions.changeStatus(held.id(), IncidentStatus.INWORK, TransitionDetails.NONE));
		as("ivan", () -> this.incidentActions.changeStatus(held.id(), IncidentStatus.ON_HOLD,
				new TransitionDetails(null, null, "waiting for the client")));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					prometheus.query("crm_open_item_status_age_seconds{status=\"ON_HOLD\",id=\"" + held.id() + "\"}"))
				.hasSize(2));

		// increase() over the period needs two samples of a counter: the hold's counter
		// began at this test's transition
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					prometheus.query("count_over_time(crm_transitions_total{to=\"ON_HOLD\"}[10m]) >= 2"))
				.hasSize(2));

		Map<String, String> all = everything();
		Map<String, JsonNode> answers = new LinkedHashMap<>();
		for (Query query : Dashboards.promQueries(BOARD, all)) {
			answers.put(query.panel() + " " + query.refId(), prometheus.query(query.text()));
		}
		for (Query query : Dashboards.promVariableQueries(BOARD, all)) {
			assertThat(prometheus.query(query.text())).as(query.panel()).isNotEmpty();
		}

		assertThat(incidentIds(answers.get("Oldest unassigned first A"))).contains(Long.toString(unassigned.id()))
			.doesNotContain(Long.toString(held.id()));
		assertThat(incidentIds(answers.get("On hold, longest waiting first A"))).contains(Long.toString(held.id()))
			.doesNotContain(Long.toString(unassigned.id()));
		assertThat(incidentIds(answers.get("Open items, oldest first A"))).contains(Long.toString(unassigned.id()),
				Long.toString(held.id()));
		assertThat(answers.get("Open items, oldest first A"))
			.allSatisfy((row) -> assertThat(row.path("value").path(1).asDouble()).isPositive());
		assertThat(incidentIds(answers.get("Incidents by SLA due, overdue first A")))
			.as("one on hold has no due instant")
			.contains(Long.toString(unassigned.id()))
			.doesNotContain(Long.toString(held.id()));
		assertThat(labels(answers.get("Work groups: open incidents and the oldest A"), "group")).contains("100");
		assertThat(labels(answers.get("People: open items and the oldest A"), "assignee_filter")).contains("ivan",
				"none");
		assertThat(labels(answers.get("Open items by status A"), "status")).contains("NEW", "ON_HOLD");
		assertThat(labels(answers.get("Status changes in the period A"), "to")).contains("ON_HOLD");
		assertThat(labels(answers.get("Requests created in the period, by channel A"), "channel")).contains("PHONE");
		// the totals count each item once, though two targets export it
		double unassignedTotal = answers.get("Unassigned A").path(0).path("value").path(1).asDouble();
		assertThat(unassignedTotal)
			.isEqualTo(prometheus.query("count(max by (type, id) (crm_open_item_age_seconds{assignee=\"\"}))")
				.path(0)
				.path("value")
				.path(1)
				.asDouble());

		// a manager who picks group 200 and ivan sees none of group 100's or of others
		Map<String, String> picked = new HashMap<>(all);
		picked.put("group", "200");
		assertThat(incidentIds(prometheus.query(query("Open items, oldest first", picked))))
			.doesNotContain(Long.toString(unassigned.id()), Long.toString(held.id()));
		picked.put("group", "100");
		picked.put("assignee", "ivan");
		assertThat(incidentIds(prometheus.query(query("Open items, oldest first", picked))))
			.contains(Long.toString(held.id()))
			.doesNotContain(Long.toString(unassigned.id()));
	}

	private static Map<String, String> everything() {
		Map<String, String> values = new HashMap<>(
				Dashboards.period(Instant.now(), Duration.ofHours(1), Duration.ofSeconds(15)));
		for (String variable : List.of("group", "service", "status", "assignee", "priority")) {
			values.put(variable, ".*");
		}
		values.put("console", "http://localhost:8080");
		return values;
	}

	private static String query(String panel, Map<String, String> values) {
		return Dashboards.promQueries(BOARD, values)
			.stream()
			.filter((query) -> query.panel().equals(panel))
			.findFirst()
			.orElseThrow()
			.text();
	}

	/**
	 * The incidents' ids among the rows: a request of another test may have an incident's
	 * number.
	 */
	private static List<String> incidentIds(JsonNode rows) {
		List<String> ids = new ArrayList<>();
		rows.forEach((row) -> {
			if ("incident".equals(row.path("metric").path("type").asText())) {
				ids.add(row.path("metric").path("id").asText());
			}
		});
		return ids;
	}

	private static List<String> labels(JsonNode rows, String label) {
		List<String> values = new ArrayList<>();
		rows.forEach((row) -> values.add(row.path("metric").path(label).asText()));
		return values;
	}

	private IncidentView opened() {
		ServiceRequestView request = as("anna", () -> this.requestActions
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "No dial tone", null)));
		return as("anna", () -> this.requestActions.openIncident(request.id(), 1001));
	}

	private IncidentView assignedToIvan() {
		ServiceRequestView request = as("anna", () -> this.requestActions
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "No dial tone", null)));
		IncidentView incident = as("anna", () -> this.requestActions.openIncident(request.id(), 1001));
		as("olga", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		return incident;
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

}
