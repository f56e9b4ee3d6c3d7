package ru.telecom.crm.history;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.ClickHouseIntegrationTest;
import ru.telecom.crm.support.ClickHouseProxy;
import ru.telecom.crm.support.ClickHouseServer;
import ru.telecom.crm.support.PostgresDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The history on its way to a real ClickHouse (Debian's 18.16): items driven through
 * their lifecycles end with as many distinct events in ClickHouse as rows in our
 * database, each once, through an outage of the server and through a batch ClickHouse
 * stored while the app timed out.
 */
@ClickHouseIntegrationTest
class HistoryShippingIntegrationTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(PostgresDatabases.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	/** The demo client of the embedded default: the intake finds it in our database. */
	private static final String PHONE = "+7 900 777-88-99";

	@Autowired
	RequestActions requests;

	@Autowired
	IncidentActions incidents;

	@Autowired
	IdentityService identity;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void everyStatusAndActivityRowReachesClickHouseOnceWithWhatTheBoardsNeed() {
		Items items = lifecycle();

		awaitShipped(items);

		Map<String, Map<String, String>> incidentRows = rowsByStatus("incident", items.incident());
		assertThat(incidentRows.get("ASSIGNED")).containsEntry("group", "100")
			.containsEntry("service", "1001")
			.containsEntry("assignee", "ivan")
			.containsEntry("actor", "olga")
			.containsEntry("priority", "NORMAL")
			.containsEntry("event_id", String.valueOf(2 * statusId("incident_id", items.incident(), "ASSIGNED")));
		assertThat(Long.parseLong(incidentRows.get("ASSIGNED").get("seconds_to_assign"))).isNotNegative();
		assertThat(incidentRows.get("INWORK").get("seconds_to_assign")).isEqualTo("NULL");
		assertThat(Long.parseLong(incidentRows.get("CLOSED").get("seconds_to_close"))).isNotNegative();
		Map<String, Map<String, String>> closedWithout = rowsByStatus("request", items.closedWithoutIncident());
		assertThat(closedWithout.get("CLOSED")).containsEntry("close_reason", "NO_INCIDENT")
			.containsEntry("channel", "PHONE")
			.containsEntry("group", "");
		assertThat(rowsByStatus("request", items.closedByIncident()).get("CLOSED")).containsEntry("close_reason",
				"INCIDENT_CLOSED");
		// no client data leaves our database
		String everything = ClickHouseServer
			.query("SELECT * FROM crm.history_event WHERE " + items.where() + " FORMAT TabSeparated");
		assertThat(everything).doesNotContain("9007778899", "777-88-99", "ORD-3001")
			.doesNotContainIgnoringCase("@example.com");
	}

	@Test
	void anOutageKeepsTheRowsInTheOutboxUntilClickHouseIsBack() {
		double failuresBefore = failures();
		ClickHouseServer.stop();
		Items items;
		try {
			// the work goes on without ClickHouse
			items = lifecycle();
			long written = count("status where " + items.statusWhere());
			assertThat(written).isEqualTo(9);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(failures()).isGreaterThan(failuresBefore);
				assertThat(count("history_outbox")).isGreaterThanOrEqualTo(written);
			});
		}
		finally {
			ClickHouseServer.start();
		}

		awaitShipped(items);
	}

	@Test
	void aBatchClickHouseStoredWhileTheAppTimedOutIsNotSentAgain() {
		double alreadyStoredBefore = counter("crm.history.already.stored");
		double timeoutsBefore = this.meters.get("crm.history.failures").tag("reason", "timeout").counter().count();
		int insertsBefore = ClickHouseProxy.get().inserts();
		// the app's timeout is 2 s: the answer to the next insert comes never
		ClickHouseProxy.get().holdInserts(1, Duration.ofSeconds(3));

		Items items = lifecycle();

		awaitShipped(items);
		assertThat(ClickHouseProxy.get().inserts()).isGreaterThan(insertsBefore);
		assertThat(counter("crm.history.already.stored")).isGreaterThan(alreadyStoredBefore);
		assertThat(this.meters.get("crm.history.failures").tag("reason", "timeout").counter().count())
			.isGreaterThan(timeoutsBefore);
	}

	/**
	 * A request closed by its incident (which is assigned, worked and closed) and a
	 * request closed without one: 9 status rows, and activities (mails among them).
	 */
	private Items lifecycle() {
		ServiceRequestView request = as("anna",
				() -> this.requests.open(new OpenRequest(IntakeParty.of(PHONE, "ORD-3001"), "No internet", null)));
		IncidentView incident = as("anna", () -> this.requests.openIncident(request.id(), 1001));
		as("olga", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.CLOSED,
				new TransitionDetails(null, "Replaced the ONT", null)));
		ServiceRequestView other = as("anna",
				() -> this.requests.open(new OpenRequest(IntakeParty.of(PHONE, "ORD-3001"), "Wrong number", null)));
		as("anna", () -> this.requests.closeWithoutIncident(other.id(), "The caller dialled the wrong number"));
		return new Items(request.id(), other.id(), incident.id());
	}

	/**
	 * Waits until the engine's jobs (mails) are done and the outbox is empty; then
	 * ClickHouse holds each of the items' rows exactly once.
	 */
	private void awaitShipped(Items items) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			assertThat(this.management.createJobQuery().executable().count()).isZero();
			assertThat(count("history_outbox")).isZero();
			assertThat(clickHouse("uniqExact(event_id)", items)).isEqualTo(recorded(items));
		});
		assertThat(clickHouse("count()", items)).as("no event stored twice").isEqualTo(recorded(items));
		assertThat(count("status where " + items.statusWhere())).isEqualTo(9);
	}

	private long recorded(Items items) {
		return count("status where " + items.statusWhere()) + count("activity where " + items.activityWhere());
	}

	private long clickHouse(String aggregate, Items items) {
		return ClickHouseServer.number("SELECT " + aggregate + " FROM crm.history_event WHERE " + items.where());
	}

	private Map<String, Map<String, String>> rowsByStatus(String type, long id) {
		List<String> columns = List.of("event_id", "new_status", "group", "service", "assignee", "actor", "priority",
				"channel", "close_reason", "seconds_to_assign", "seconds_to_close");
		String answer = ClickHouseServer
			.query("SELECT " + columns.stream().map((c) -> "`" + c + "`").collect(Collectors.joining(", "))
					+ " FROM crm.history_event WHERE event = 'STATUS' AND type = '" + type + "' AND id = " + id
					+ " FORMAT TabSeparated");
		return answer.lines()
			.map((line) -> line.split("\t", -1))
			.collect(Collectors.toMap((values) -> values[1], (values) -> {
				Map<String, String> row = new java.util.LinkedHashMap<>();
				for (int i = 0; i < columns.size(); i++) {
					row.put(columns.get(i), values[i].equals("\\N") ? "NULL" : values[i]);
				}
				return row;
			}));
	}

	private long statusId(String column, long id, String status) {
		return this.jdbc.queryForObject("select id from status where " + column + " = ? and new_status = ?", Long.class,
				id, status);
	}

	private long count(String tableAndCondition) {
		return this.jdbc.queryForObject("select count(*) from " + tableAndCondition, Long.class);
	}

	private double failures() {
		return this.meters.find("crm.history.failures").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private double counter(String name) {
		return this.meters.get(name).counter().count();
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

	/** The items of one lifecycle. */
	private record Items(long closedByIncident, long closedWithoutIncident, long incident) {

		String statusWhere() {
			return "(service_request_id in (" + this.closedByIncident + ", " + this.closedWithoutIncident
					+ ") or incident_id = " + this.incident + ")";
		}

		String activityWhere() {
			return "((entity_type = 'SERVICE_REQUEST' and entity_id in (" + this.closedByIncident + ", "
					+ this.closedWithoutIncident + ")) or (entity_type = 'INCIDENT' and entity_id = " + this.incident
					+ "))";
		}

		/** The same items in ClickHouse. */
		String where() {
			return "((type = 'request' AND id IN (" + this.closedByIncident + ", " + this.closedWithoutIncident
					+ ")) OR (type = 'incident' AND id = " + this.incident + "))";
		}

	}

}
