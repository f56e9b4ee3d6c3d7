package ru.telecom.crm.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.Scrape;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} on PostgreSQL: who may scrape, and what an item's life
 * looks like in the metrics, from its intake to the scrape after it closes.
 */
@PostgresIntegrationTest
class MetricsIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RequestActions requestActions;

	@Autowired
	IncidentActions incidentActions;

	@Autowired
	IdentityService identity;

	@Test
	void onlyTheScrapeUserScrapes() {
		assertThat(get(null, null).getStatusCode().value()).isEqualTo(401);
		assertThat(get("metrics", "wrong").getStatusCode().value()).isEqualTo(401);
		// a person of the app, even an administrator, is not a scraping client
		assertThat(get("admin", "admin").getStatusCode().value()).isEqualTo(401);
		assertThat(get("anna", "anna").getStatusCode().value()).isEqualTo(401);

		ResponseEntity<String> scraped = get("metrics", PostgresDatabases.SCRAPE_PASSWORD);
		assertThat(scraped.getStatusCode().value()).isEqualTo(200);
		assertThat(scraped.getHeaders().getContentType().toString()).startsWith("text/plain");
		assertThat(scraped.getBody()).contains("# TYPE crm_open_item_series_left_out_current gauge",
				"crm_open_item_series_left_out_total");
	}

	@Test
	void anItemHasASeriesWhileOpenAndNoneAfterItCloses() {
		Scrape before = scrape();
		ServiceRequestView request = as("anna", () -> this.requestActions
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "No dial tone", null)));
		IncidentView incident = as("anna", () -> this.requestActions.openIncident(request.id(), 1001));
		as("olga", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));

		Scrape open = scrape();
		Map<String, String> labels = Map.of("id", Long.toString(incident.id()), "type", "incident", "status",
				"ASSIGNED", "group", "100", "service", "1001", "assignee", "ivan", "priority", "NORMAL");
		assertThat(open.exactly("crm_open_item_age_seconds", labels)).isPresent();
		assertThat(open.exactly("crm_open_item_status_age_seconds", labels)).isPresent();
		// NORMAL at service 1001: a response within 240 working minutes, ahead
		assertThat(open.exactly("crm_open_item_due_in_seconds", labels))
			.hasValueSatisfying((sample) -> assertThat(sample.value()).isPositive()
				.isLessThanOrEqualTo(Duration.ofDays(4).toSeconds()));
		assertThat(open.find("crm_open_item_age_seconds", Map.of("id", Long.toString(request.id()), "type", "request")))
			.singleElement()
			.satisfies((sample) -> assertThat(sample.labels()).containsEntry("status", "IN_PROGRESS")
				.containsEntry("group", "")
				.containsEntry("service", ""));
		assertThat(open.exactly("crm_open_items",
				Map.of("type", "incident", "status", "ASSIGNED", "group", "100", "service", "1001", "assignee", "ivan",
						"priority", "NORMAL")))
			.hasValueSatisfying((sample) -> assertThat(sample.value()).isGreaterThanOrEqualTo(1));
		// counted once each transaction committed
		assertThat(open.value("crm_intake_total", Map.of("channel", "PHONE")))
			.isEqualTo(before.value("crm_intake_total", Map.of("channel", "PHONE")) + 1);
		Map<String, String> assigned = Map.of("type", "incident", "from", "NEW", "to", "ASSIGNED");
		assertThat(open.value("crm_transitions_total", assigned))
			.isEqualTo(before.value("crm_transitions_total", assigned) + 1);
		// no client data: the client's phone and name are nowhere
		assertThat(open.text()).doesNotContain("79007778899", "+7 900", "Popov", "Dmitry");

		as("ivan",
				() -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));
		as("ivan", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ON_HOLD,
				new TransitionDetails(null, null, "waiting for the client")));
		Scrape held = scrape();
		Map<String, String> onHold = Map.of("id", Long.toString(incident.id()), "type", "incident", "status", "ON_HOLD",
				"group", "100", "service", "1001", "assignee", "ivan", "priority", "NORMAL");
		assertThat(held.exactly("crm_open_item_status_age_seconds", onHold).orElseThrow().value())
			.as("waiting since it was put on hold, not since it was opened")
			.isLessThanOrEqualTo(held.exactly("crm_open_item_age_seconds", onHold).orElseThrow().value());
		assertThat(held.exactly("crm_open_item_age_seconds", labels)).as("one series per item").isEmpty();

		as("ivan", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.CLOSED,
				new TransitionDetails(null, "Replaced the port on the switch", null)));
		Scrape closed = scrape();
		assertThat(closed.find("crm_open_item_age_seconds",
				Map.of("id", Long.toString(incident.id()), "type", "incident")))
			.isEmpty();
		assertThat(closed.find("crm_open_item_status_age_seconds",
				Map.of("id", Long.toString(incident.id()), "type", "incident")))
			.isEmpty();
	}

	private Scrape scrape() {
		ResponseEntity<String> scraped = get("metrics", PostgresDatabases.SCRAPE_PASSWORD);
		assertThat(scraped.getStatusCode().value()).isEqualTo(200);
		return new Scrape(scraped.getBody());
	}

	private ResponseEntity<String> get(String user, String password) {
		HttpHeaders headers = new HttpHeaders();
		if (user != null) {
			headers.setBasicAuth(user, password);
		}
		return this.rest.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

}
