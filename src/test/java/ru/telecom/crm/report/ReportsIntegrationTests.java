package ru.telecom.crm.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.ConsoleSession;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four reports on real PostgreSQL over a week of March 2025 (Monday the 3rd, no
 * holidays), whose incidents are made through the services and then moved to that week by
 * rewriting their rows' times: work group 100 (Mon–Fri 09:00–13:00, 14:00–18:00 Moscow),
 * work group 200 (24×7). Targets: 1001 NORMAL 240/1440 minutes, 2001 HIGH 60/720,
 * warnings at 80 %.
 * <ul>
 * <li>X1, 1001 NORMAL: NEW Mon 09:00, ASSIGNED petr 10:00, reassigned to ivan 10:30,
 * INWORK 11:00, CLOSED Tue 12:00 (responded in 120, resolved in 8 h + 3 h = 660).
 * <li>X2, 1001 NORMAL: NEW Mon 09:00, ASSIGNED petr 10:00, INWORK Mon 15:00 (response
 * breached at 13:00), ON_HOLD Tue 09:00, INWORK Thu 09:00; by Fri 17:00 the resolution
 * clock has used 8 + 8 + 7 h = 1380 (past 1152: at risk).
 * <li>X3, 2001 HIGH: NEW Thu 13:00, ASSIGNED sergey 13:10, INWORK 13:30 (30, met), CLOSED
 * Fri 02:00 (780 > 720: breached).
 * </ul>
 */
@PostgresIntegrationTest
// a database of its own: its figures are of exactly the incidents it made, whatever the
// catalog and service levels other tests leave behind; an engine name of its own, as the
// engine REST API finds engines by name in a static registry
@TestPropertySource(
		properties = { PostgresDatabases.OWN_DATABASE + "=reports", "camunda.bpm.process-engine-name=reports" })
class ReportsIntegrationTests {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	private static final String WEEK = "from=2025-03-02T21:00:00Z&to=2025-03-07T21:00:00Z";

	/** Up to Friday 17:00 Moscow (14:00Z). */
	private static final String TO_FRIDAY_17 = "from=2025-03-03T00:00:00Z&to=2025-03-07T14:00:00Z";

	private static long x1;

	private static long x2;

	private static long x3;

	@Autowired
	TestRestTemplate rest;

	@LocalServerPort
	int port;

	@Autowired
	RequestActions requestActions;

	@Autowired
	IncidentActions incidentActions;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void seedTheWeekOnce() {
		if (x1 != 0) {
			return;
		}
		x1 = seed(1001, Priority.NORMAL,
				List.of(step(IncidentStatus.ASSIGNED, "petr"), step(IncidentStatus.ASSIGNED, "ivan"),
						step(IncidentStatus.INWORK, null), step(IncidentStatus.CLOSED, null)),
				List.of("2025-03-03T09:00", "2025-03-03T10:00", "2025-03-03T11:00", "2025-03-04T12:00"));
		moveReassignments(x1, "2025-03-03T10:30");
		x2 = seed(1001, Priority.NORMAL,
				List.of(step(IncidentStatus.ASSIGNED, "petr"), step(IncidentStatus.INWORK, null),
						step(IncidentStatus.ON_HOLD, null), step(IncidentStatus.INWORK, null)),
				List.of("2025-03-03T09:00", "2025-03-03T10:00", "2025-03-03T15:00", "2025-03-04T09:00",
						"2025-03-06T09:00"));
		x3 = seed(2001, Priority.HIGH,
				List.of(step(IncidentStatus.ASSIGNED, "sergey"), step(IncidentStatus.INWORK, null),
						step(IncidentStatus.CLOSED, null)),
				List.of("2025-03-06T13:00", "2025-03-06T13:10", "2025-03-06T13:30", "2025-03-07T02:00"));
	}

	@Test
	void slaComplianceCountsEachTargetPerGroupAsOfThePeriodsEnd() {
		JsonNode report = get("admin", "/api/reports/sla-compliance?" + TO_FRIDAY_17 + "&groupBy=group");

		assertThat(report.get("asOf").asText()).isEqualTo("2025-03-07T14:00:00Z");
		assertThat(report.get("groupBy").asText()).isEqualTo("GROUP");
		assertThat(rows(report, "key")).containsExactly("100", "200");
		JsonNode office = report.at("/rows/0");
		assertThat(office.get("label").asText()).isEqualTo("100 Network operations");
		assertThat(office.get("incidents").asLong()).isEqualTo(2);
		assertThat(target(office.get("response"))).as("X1 met, X2 breached").isEqualTo("1 1 0 0");
		assertThat(target(office.get("resolution"))).as("X1 met, X2 open at risk").isEqualTo("1 0 1 1");
		JsonNode billing = report.at("/rows/1");
		assertThat(target(billing.get("response"))).isEqualTo("1 0 0 0");
		assertThat(target(billing.get("resolution"))).isEqualTo("0 1 0 0");
		assertThat(report.at("/total/incidents").asLong()).isEqualTo(3);
		assertThat(target(report.at("/total/response"))).isEqualTo("2 1 0 0");
		assertThat(target(report.at("/total/resolution"))).isEqualTo("1 1 1 1");

		JsonNode byPriority = get("admin", "/api/reports/sla-compliance?" + TO_FRIDAY_17 + "&groupBy=priority");
		assertThat(rows(byPriority, "key")).containsExactly("HIGH", "NORMAL");
		JsonNode byService = get("admin", "/api/reports/sla-compliance?" + TO_FRIDAY_17 + "&groupBy=service");
		assertThat(rows(byService, "label")).containsExactly("1001 Home internet", "2001 Billing dispute");
	}

	@Test
	void managersSeeTheirScopeAndOthersAreRefused() {
		String path = "/api/reports/sla-compliance?" + TO_FRIDAY_17;
		assertThat(get("olga", path).at("/total/incidents").asLong()).as("group 100's").isEqualTo(2);
		assertThat(get("elena", path).at("/total/incidents").asLong()).as("group 200's").isEqualTo(1);
		assertThat(get("maria", path).at("/total/incidents").asLong()).as("from her agents' requests").isEqualTo(3);
		for (String report : List.of("sla-compliance?" + WEEK, "backlog-ageing", "engineer-performance?" + WEEK,
				"queue-health?" + WEEK)) {
			for (String user : List.of("anna", "ivan", "esb")) {
				ResponseEntity<JsonNode> refused = call(user, "/api/reports/" + report);
				assertThat(refused.getStatusCode().value()).as(user + " " + report).isEqualTo(403);
				assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			}
		}
	}

	@Test
	void backlogAgeingAgesTheIncidentsOpenAtTheInstantInWorkingTime() {
		JsonNode report = get("admin", "/api/reports/backlog-ageing?at=2025-03-07T14:00:00Z");

		assertThat(report.get("at").asText()).isEqualTo("2025-03-07T14:00:00Z");
		assertThat(report.get("buckets")).extracting(JsonNode::asText)
			.containsExactly("<4h", "4-8h", "8-24h", "1-3d", ">3d");
		// X2 only: Mon to Thu 8 h each, Fri 7 h = 39 h; X1 and X3 closed by then
		assertThat(rows(report, "key")).containsExactly("100");
		assertThat(report.at("/rows/0/open").asLong()).isEqualTo(1);
		assertThat(report.at("/rows/0/ages")).extracting((bucket) -> bucket.get("count").asLong())
			.containsExactly(0L, 0L, 0L, 1L, 0L);
		assertThat(report.at("/rows/0/oldest/id").asLong()).isEqualTo(x2);
		assertThat(report.at("/rows/0/oldest/ageMinutes").asDouble()).isEqualTo(2340.0);
		assertThat(report.at("/rows/0/oldest/createdAt").asText()).isEqualTo("2025-03-03T06:00:00Z");

		JsonNode thursday = get("admin", "/api/reports/backlog-ageing?at=2025-03-06T10:20:00Z&groupBy=service");
		// X2 (Mon 8, Tue 8, Wed 8, Thu 09:00-13:00 4 h, 13:20 being lunch: 28 h) and X3
		// (20 min, 24x7)
		assertThat(rows(thursday, "key")).containsExactly("1001", "2001");
		assertThat(thursday.at("/rows/0/oldest/ageMinutes").asDouble()).isEqualTo(1680.0);
		assertThat(thursday.at("/rows/1/oldest/ageMinutes").asDouble()).isEqualTo(20.0);
		assertThat(thursday.at("/total/open").asLong()).isEqualTo(2);
	}

	@Test
	void engineerPerformanceCreditsWhoClosedWithoutHoldTime() {
		JsonNode report = get("admin", "/api/reports/engineer-performance?" + WEEK);

		assertThat(rows(report, "engineer")).containsExactly("ivan", "sergey");
		JsonNode ivan = report.at("/rows/0");
		assertThat(ivan.get("handled").asLong()).isEqualTo(1);
		assertThat(ivan.at("/respond/medianMinutes").asDouble()).isEqualTo(120.0);
		assertThat(ivan.at("/respond/p90Minutes").asDouble()).isEqualTo(120.0);
		assertThat(ivan.at("/resolve/medianMinutes").asDouble()).isEqualTo(660.0);
		assertThat(ivan.get("reassignments").asLong()).isEqualTo(1);
		JsonNode sergey = report.at("/rows/1");
		assertThat(sergey.at("/respond/medianMinutes").asDouble()).isEqualTo(30.0);
		assertThat(sergey.at("/resolve/p90Minutes").asDouble()).isEqualTo(780.0);
		assertThat(sergey.get("reassignments").asLong()).isZero();

		assertThat(rows(get("elena", "/api/reports/engineer-performance?" + WEEK), "engineer"))
			.containsExactly("sergey");
	}

	@Test
	void queueHealthComparesArrivalsWithCompletionsPerDay() {
		JsonNode report = get("admin", "/api/reports/queue-health?" + WEEK);

		assertThat(report.get("zone").asText()).isEqualTo("Europe/Moscow");
		assertThat(rows(report, "key")).containsExactly("100", "200");
		JsonNode office = report.at("/rows/0");
		assertThat(office.get("arrivals").asLong()).isEqualTo(2);
		assertThat(office.get("completions").asLong()).isEqualTo(1);
		assertThat(days(office)).containsExactly("2025-03-03 2 0", "2025-03-04 0 1", "2025-03-05 0 0", "2025-03-06 0 0",
				"2025-03-07 0 0");
		assertThat(office.get("workInProgress").asLong()).isEqualTo(1);
		// X2 at Saturday 00:00: five office days of 8 hours
		assertThat(office.at("/oldestOpen/id").asLong()).isEqualTo(x2);
		assertThat(office.at("/oldestOpen/ageMinutes").asDouble()).isEqualTo(2400.0);
		JsonNode billing = report.at("/rows/1");
		assertThat(days(billing)).containsExactly("2025-03-03 0 0", "2025-03-04 0 0", "2025-03-05 0 0",
				"2025-03-06 1 0", "2025-03-07 0 1");
		assertThat(billing.get("workInProgress").asLong()).isZero();
		assertThat(billing.get("oldestOpen").isNull()).isTrue();
		assertThat(report.at("/total/arrivals").asLong()).isEqualTo(3);
	}

	@Test
	void aPastPeriodReadsTheSameAfterMoreChanges() {
		List<String> reports = List.of("/api/reports/sla-compliance?" + TO_FRIDAY_17 + "&groupBy=priority",
				"/api/reports/backlog-ageing?at=2025-03-07T14:00:00Z&groupBy=priority",
				"/api/reports/engineer-performance?" + WEEK, "/api/reports/queue-health?" + WEEK);
		List<JsonNode> before = reports.stream().map((path) -> get("admin", path)).toList();

		// X2 turns HIGH, is reassigned and closed today
		as("admin", () -> this.incidentActions.changePriority(x2, Priority.HIGH, "The client escalated"));
		as("admin", () -> this.incidentActions.changeStatus(x2, IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		as("admin", () -> this.incidentActions.changeStatus(x2, IncidentStatus.CLOSED,
				new TransitionDetails(null, "Replaced the line card", null)));

		List<JsonNode> after = reports.stream().map((path) -> get("admin", path)).toList();
		assertThat(after).isEqualTo(before);
		assertThat(before.get(0).at("/rows/1/key").asText()).as("X2 still NORMAL in March").isEqualTo("NORMAL");
	}

	@Test
	void badParametersAreProblemsNamingThem() {
		Map<String, String> refusedOn = Map.of("sla-compliance?from=2025-03-08T00:00:00Z&to=2025-03-01T00:00:00Z",
				"from", "sla-compliance?from=yesterday&to=2025-03-01T00:00:00Z", "from",
				"sla-compliance?" + WEEK + "&groupBy=engineer", "groupBy",
				"engineer-performance?from=2024-01-01T00:00:00Z&to=2025-03-01T00:00:00Z", "to",
				"engineer-performance?from=2025-01-01T00:00:00Z", "to", "backlog-ageing?at=noon", "at",
				"backlog-ageing?groupBy=colour", "groupBy", "queue-health?" + WEEK + "&groupBy=priority", "groupBy");
		List<String> wrong = new ArrayList<>();
		refusedOn.forEach((query, parameter) -> {
			ResponseEntity<JsonNode> refused = call("olga", "/api/reports/" + query);
			if (refused.getStatusCode().value() != 400
					|| !MediaType.APPLICATION_PROBLEM_JSON.equals(refused.getHeaders().getContentType())
					|| !refused.getBody().path("errors").has(parameter)) {
				wrong.add(query + ": " + refused.getStatusCode() + " " + refused.getBody());
			}
		});
		assertThat(wrong).isEmpty();
		assertThat(call("olga", "/api/reports/no-such-report").getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void theConsoleShowsEachReportToManagersOnly() throws Exception {
		ConsoleSession olga = ConsoleSession.signedIn(this.port, "olga");
		String week = "&from=2025-03-03&to=2025-03-07";

		java.net.http.HttpResponse<String> compliance = olga.get("/reports?report=sla-compliance" + week);
		assertThat(compliance.statusCode()).isEqualTo(200);
		assertThat(compliance.body()).contains("id=\"sla-compliance\"", "100 Network operations",
				"href=\"/reports?report=queue-health");
		for (String report : List.of("backlog-ageing", "engineer-performance", "queue-health")) {
			java.net.http.HttpResponse<String> page = olga.get("/reports?report=" + report + week);
			assertThat(page.statusCode()).as(report).isEqualTo(200);
			assertThat(page.body()).as(report).contains("id=\"" + report + "\"");
		}
		assertThat(olga.get("/reports?report=engineer-performance" + week).body()).contains("<td>ivan</td>")
			.doesNotContain("<td>sergey</td>");
		assertThat(olga.get("/reports?report=sla-compliance&from=2025-03-07&to=2025-03-01").body())
			.contains("must be before to");
		assertThat(olga.get("/reports?lang=ru").body()).contains("Соблюдение SLA");
		assertThat(ConsoleSession.signedIn(this.port, "ivan").get("/reports").statusCode()).isEqualTo(403);
		assertThat(ConsoleSession.signedIn(this.port, "ivan").get("/requests").body())
			.doesNotContain("href=\"/reports\"");
	}

	private long seed(int service, Priority priority, List<Step> steps, List<String> moscowTimes) {
		ServiceRequestView request = as("anna", () -> this.requestActions
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Report week", priority)));
		IncidentView incident = as("anna", () -> this.requestActions.openIncident(request.id(), service));
		for (Step step : steps) {
			as("admin", () -> this.incidentActions.changeStatus(incident.id(), step.status(),
					new TransitionDetails(step.engineer(), "Done", "Waiting for the client")));
		}
		List<Long> rows = this.jdbc.queryForList("select id from status where incident_id = ? order by id", Long.class,
				incident.id());
		assertThat(rows).as("status rows of incident " + incident.id()).hasSameSizeAs(moscowTimes);
		for (int i = 0; i < rows.size(); i++) {
			this.jdbc.update("update status set created_at = ? where id = ?", timestamp(moscowTimes.get(i)),
					rows.get(i));
		}
		boolean closed = steps.get(steps.size() - 1).status() == IncidentStatus.CLOSED;
		this.jdbc.update("update incident set created_at = ?, closed_at = ? where id = ?",
				timestamp(moscowTimes.get(0)), closed ? timestamp(moscowTimes.get(moscowTimes.size() - 1)) : null,
				incident.id());
		return incident.id();
	}

	private void moveReassignments(long incident, String moscowTime) {
		int moved = this.jdbc.update("update activity set created_at = ? where entity_type = 'INCIDENT' "
				+ "and entity_id = ? and kind = 'REASSIGNED'", timestamp(moscowTime), incident);
		assertThat(moved).isEqualTo(1);
	}

	private static java.sql.Timestamp timestamp(String moscowTime) {
		Instant instant = LocalDateTime.parse(moscowTime).atZone(MOSCOW).toInstant();
		return java.sql.Timestamp.from(instant);
	}

	private static Step step(IncidentStatus status, String engineer) {
		return new Step(status, engineer);
	}

	private record Step(IncidentStatus status, String engineer) {
	}

	private static List<String> rows(JsonNode report, String field) {
		List<String> values = new ArrayList<>();
		report.get("rows").forEach((row) -> values.add(row.get(field).asText()));
		return values;
	}

	private static String target(JsonNode target) {
		return target.get("met").asLong() + " " + target.get("breached").asLong() + " " + target.get("open").asLong()
				+ " " + target.get("atRisk").asLong();
	}

	private static List<String> days(JsonNode row) {
		List<String> days = new ArrayList<>();
		row.get("days")
			.forEach((day) -> days.add(day.get("date").asText() + " " + day.get("arrivals").asLong() + " "
					+ day.get("completions").asLong()));
		return days;
	}

	private JsonNode get(String user, String path) {
		ResponseEntity<JsonNode> answer = call(user, path);
		assertThat(answer.getStatusCode().value()).as(user + " " + path + ": " + answer.getBody()).isEqualTo(200);
		return answer.getBody();
	}

	private ResponseEntity<JsonNode> call(String user, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
	}

	private <T> T as(String user, java.util.function.Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

}
