package ru.telecom.crm.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.support.ClickHouseIntegrationTest;
import ru.telecom.crm.support.ClickHouseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The history written before ClickHouse was configured reaches it through the backfill,
 * under the same event ids the live outbox would have given it, once however often the
 * backfill runs; the reconciliation tells when a day's counts differ.
 */
@ClickHouseIntegrationTest
class HistoryBackfillIntegrationTests {

	private static final String BACKFILL = "/api/admin/history/backfill";

	private static final String RECONCILIATION = "/api/admin/history/reconciliation";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ManagementService management;

	@Autowired
	MeterRegistry meters;

	@Test
	void theBackfillQueuesWhatClickHouseLacksOnceAndUnderStableIds() {
		// a request of the days before ClickHouse: written past the outbox
		long requestId = this.jdbc.queryForObject(
				"insert into service_request (created_at, channel, priority, status, assignee) values (now(), 'ESB', 'HIGH', 'NEW', 'boris') returning id",
				Long.class);
		long statusId = this.jdbc.queryForObject(
				"insert into status (created_at, service_request_id, new_status, user_id, actor_id) values (now(), ?, 'NEW', 'boris', 'boris') returning id",
				Long.class, requestId);
		long activityId = this.jdbc.queryForObject(
				"insert into activity (created_at, entity_type, entity_id, kind, actor_id, details) values (now(), 'SERVICE_REQUEST', ?, 'NOTE_ADDED', 'boris', 'Note 1') returning id",
				Long.class, requestId);

		ResponseEntity<JsonNode> first = post("admin", BACKFILL);

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(first.getBody().get("queued").asLong()).isGreaterThanOrEqualTo(2);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ClickHouseServer.query(
					"SELECT event_id, event, new_status, activity, channel, priority, assignee FROM crm.history_event"
							+ " WHERE type = 'request' AND id = " + requestId
							+ " ORDER BY event_id FORMAT TabSeparated"))
				.isEqualTo((2 * statusId) + "\tSTATUS\tNEW\t\tESB\tHIGH\tboris\n" + (2 * activityId + 1)
						+ "\tACTIVITY\t\tNOTE_ADDED\tESB\tHIGH\tboris\n"));

		ResponseEntity<JsonNode> second = post("admin", BACKFILL);

		assertThat(second.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(second.getBody().get("queued").asLong()).isZero();
		assertThat(ClickHouseServer
			.number("SELECT count() FROM crm.history_event WHERE type = 'request' AND id = " + requestId)).isEqualTo(2);
	}

	@Test
	void theReconciliationCountsTheDaysRowsOnBothSides() {
		post("admin", BACKFILL);
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(today(post("admin", RECONCILIATION)).get("difference").asLong()).isZero());
		assertThat(this.meters.get("crm.history.reconciliation.difference").tag("day", today).gauge().value()).isZero();

		// a row that never went through the outbox
		long requestId = this.jdbc.queryForObject(
				"insert into service_request (created_at, channel, priority, status) values (now(), 'SMS', 'LOW', 'NEW') returning id",
				Long.class);
		this.jdbc.update(
				"insert into status (created_at, service_request_id, new_status, actor_id) values (now(), ?, 'NEW', 'system')",
				requestId);

		JsonNode day = today(post("admin", RECONCILIATION));

		assertThat(day.get("difference").asLong()).isOne();
		assertThat(day.get("recorded").asLong()).isEqualTo(day.get("stored").asLong() + 1);
		assertThat(this.meters.get("crm.history.reconciliation.difference").tag("day", today).gauge().value()).isOne();
		post("admin", BACKFILL);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(today(post("admin", RECONCILIATION)).get("difference").asLong()).isZero());
	}

	@Test
	void onlyAdministratorsBackfill() {
		ResponseEntity<JsonNode> manager = post("olga", BACKFILL);
		ResponseEntity<JsonNode> agent = post("anna", RECONCILIATION);
		ResponseEntity<JsonNode> nobody = this.rest.postForEntity(BACKFILL, null, JsonNode.class);

		assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(manager.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:forbidden");
		assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private JsonNode today(ResponseEntity<JsonNode> reconciliation) {
		assertThat(reconciliation.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode days = reconciliation.getBody();
		JsonNode last = days.get(days.size() - 1);
		assertThat(last.get("day").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		return last;
	}

	private ResponseEntity<JsonNode> post(String user, String path) {
		return this.rest.withBasicAuth(user, user).postForEntity(path, null, JsonNode.class);
	}

}
