package ru.telecom.crm.history.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.telecom.crm.support.ClickHouseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ClickHouse query of the flow board ({@code flow.json}) against a real ClickHouse
 * (Debian's 18.16) holding a known history: each variable substituted as Grafana would,
 * each panel's answer the one the history implies. The history lies in March 2001, and
 * its item ids are far above the other tests', so that their rows do not count here.
 */
class FlowBoardIntegrationTests {

	private static final Path BOARD = Path.of("src/main/docker/grafana/dashboards/flow.json");

	private static final Instant FROM = Instant.parse("2001-03-01T00:00:00Z");

	private static final Instant TO = Instant.parse("2001-03-04T00:00:00Z");

	private static final String DAY1 = "2001-03-01 00:00:00";

	private static final String DAY2 = "2001-03-02 00:00:00";

	private static final String DAY3 = "2001-03-03 00:00:00";

	/**
	 * Grafana's variable syntax: {@code $name}, {@code ${name}}, {@code ${name:format}}.
	 */
	private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::([\\w:]+))?}|\\$(\\w+)");

	private static final ObjectMapper json = new ObjectMapper();

	private static JsonNode board;

	private static long nextEventId = 9_000_000_000L;

	@BeforeAll
	static void aKnownHistory() throws IOException {
		board = json.readTree(BOARD.toFile());
		for (String statement : ClickHouseClient.schemaStatements()) {
			ClickHouseServer.query(statement);
		}
		List<HistoryEvent> rows = new ArrayList<>();
		// day 1: a request closed without an incident; a request and its incident,
		// assigned
		rows.add(request(9_000_001, "PHONE", "", "NEW", "2001-03-01T09:00:00Z", "", null));
		rows.add(request(9_000_001, "PHONE", "NEW", "CLOSED", "2001-03-01T09:30:00Z", "NO_INCIDENT", 1800L));
		rows.add(request(9_000_002, "ESB", "", "NEW", "2001-03-01T10:00:00Z", "", null));
		rows.add(request(9_000_002, "ESB", "NEW", "IN_PROGRESS", "2001-03-01T10:05:00Z", "", null));
		rows.add(incident(9_000_101, "100", "1001", "", "NEW", "2001-03-01T10:05:00Z", null, null));
		rows.add(incident(9_000_101, "100", "1001", "NEW", "ASSIGNED", "2001-03-01T10:15:00Z", 600L, null));
		rows.add(incident(9_000_101, "100", "1001", "ASSIGNED", "INWORK", "2001-03-01T11:00:00Z", null, null));
		// an activity is no status change: the counts leave it out
		rows.add(activity(9_000_101, "2001-03-01T11:00:00Z"));
		// service levels: incident 101 warned, breached (a row ClickHouse got twice) and
		// escalated twice; incident 102 warned only; incident 103's breach is after the
		// period
		rows.add(slaAlarm(9_000_101, "100", "1001", "SLA_WARNING", "2001-03-01T10:40:00Z"));
		HistoryEvent breach = slaAlarm(9_000_101, "100", "1001", "SLA_BREACHED", "2001-03-01T10:50:00Z");
		rows.add(breach);
		rows.add(breach);
		rows.add(slaAlarm(9_000_101, "100", "1001", "SLA_ESCALATED", "2001-03-01T11:00:00Z"));
		rows.add(slaAlarm(9_000_101, "100", "1001", "SLA_ESCALATED", "2001-03-01T11:10:00Z"));
		rows.add(slaAlarm(9_000_102, "200", "2001", "SLA_WARNING", "2001-03-02T11:20:00Z"));
		rows.add(slaAlarm(9_000_103, "100", "1002", "SLA_BREACHED", "2001-03-04T08:00:00Z"));
		// day 2: the incident closes and its request with it; another incident is
		// assigned,
		// returned and assigned again (its time to assign is the first); a request closed
		// without an incident, whose row ClickHouse got twice (a replay that slipped
		// through)
		rows.add(incident(9_000_101, "100", "1001", "INWORK", "CLOSED", "2001-03-02T10:05:00Z", null, 86_400L));
		rows.add(
				request(9_000_002, "ESB", "IN_PROGRESS", "CLOSED", "2001-03-02T10:05:00Z", "INCIDENT_CLOSED", 86_700L));
		rows.add(request(9_000_003, "PHONE", "", "NEW", "2001-03-02T11:00:00Z", "", null));
		rows.add(request(9_000_003, "PHONE", "NEW", "IN_PROGRESS", "2001-03-02T11:00:00Z", "", null));
		rows.add(incident(9_000_102, "200", "2001", "", "NEW", "2001-03-02T11:00:00Z", null, null));
		rows.add(incident(9_000_102, "200", "2001", "NEW", "ASSIGNED", "2001-03-02T11:30:00Z", 1800L, null));
		rows.add(incident(9_000_102, "200", "2001", "ASSIGNED", "NEW", "2001-03-02T11:40:00Z", null, null));
		rows.add(incident(9_000_102, "200", "2001", "NEW", "ASSIGNED", "2001-03-02T11:50:00Z", null, null));
		rows.add(request(9_000_004, "TELEGRAM", "", "NEW", "2001-03-02T12:00:00Z", "", null));
		HistoryEvent replayed = request(9_000_004, "TELEGRAM", "NEW", "CLOSED", "2001-03-02T12:10:00Z", "NO_INCIDENT",
				600L);
		rows.add(replayed);
		rows.add(replayed);
		// day 3: a request and its incident (group 100, another service), closed the same
		// day
		rows.add(request(9_000_005, "PHONE", "", "NEW", "2001-03-03T08:00:00Z", "", null));
		rows.add(request(9_000_005, "PHONE", "NEW", "IN_PROGRESS", "2001-03-03T08:00:00Z", "", null));
		rows.add(incident(9_000_103, "100", "1002", "", "NEW", "2001-03-03T08:00:00Z", null, null));
		rows.add(incident(9_000_103, "100", "1002", "NEW", "ASSIGNED", "2001-03-03T08:20:00Z", 1200L, null));
		rows.add(incident(9_000_103, "100", "1002", "ASSIGNED", "INWORK", "2001-03-03T08:30:00Z", null, null));
		rows.add(incident(9_000_103, "100", "1002", "INWORK", "CLOSED", "2001-03-03T09:00:00Z", null, 3600L));
		rows.add(
				request(9_000_005, "PHONE", "IN_PROGRESS", "CLOSED", "2001-03-03T09:00:00Z", "INCIDENT_CLOSED", 3600L));
		// after the period: no panel shows it
		rows.add(request(9_000_006, "SMS", "", "NEW", "2001-03-04T00:00:00Z", "", null));
		rows.add(request(9_000_006, "SMS", "NEW", "CLOSED", "2001-03-04T00:01:00Z", "NO_INCIDENT", 60L));
		ClickHouseServer.query("INSERT INTO crm.history_event FORMAT JSONEachRow\n"
				+ rows.stream().map(HistoryEvent::json).collect(Collectors.joining("\n")));
	}

	@Test
	void everyPanelHasItsExpectationsHere() {
		List<String> titles = new ArrayList<>();
		List<String> reports = new ArrayList<>();
		board.path("panels").forEach((panel) -> (isReport(panel) ? reports : titles).add(panel.path("title").asText()));

		assertThat(titles).containsExactlyInAnyOrder("Created and closed per day",
				"Time to assign, by work group and service", "Time to close, by work group and service",
				"Requests closed without an incident, per day", "Requests closed without an incident",
				"Time to close requests, by channel and reason", "SLA alarms, by work group and service");
		// the reports' panels ask the app, not ClickHouse: GrafanaReportPanelsTests and
		// KeycloakGrafanaPanelsIntegrationTests check them
		assertThat(reports).containsExactlyInAnyOrder("SLA compliance by work group: incidents created in the period",
				"Engineer performance: incidents closed in the period");
	}

	@Test
	void everyQueryAsksClickHouseWithoutMacros() {
		board.path("panels").forEach((panel) -> panel.path("targets").forEach((target) -> {
			if (isReport(panel)) {
				return;
			}
			assertThat(target.path("datasource").path("uid").asText()).isEqualTo("clickhouse");
			assertThat(target.path("rawSql").asText()).doesNotContain("$__");
		}));
		board.path("templating").path("list").forEach((variable) -> {
			if ("query".equals(variable.path("type").asText())) {
				assertThat(variable.path("datasource").path("uid").asText()).isEqualTo("clickhouse");
				assertThat(variable.path("query").asText()).doesNotContain("$__");
			}
		});
	}

	@Test
	void createdAndClosedPerDayCountsEachStatusChangeOnce() {
		assertThat(panel("Created and closed per day", all())).containsExactly(
				row("time", DAY1, "requests_created", "2", "requests_closed", "1", "incidents_created", "1",
						"incidents_closed", "0"),
				row("time", DAY2, "requests_created", "2", "requests_closed", "2", "incidents_created", "1",
						"incidents_closed", "1"),
				row("time", DAY3, "requests_created", "1", "requests_closed", "1", "incidents_created", "1",
						"incidents_closed", "1"));
	}

	@Test
	void aWorkGroupFilterKeepsOnlyItsIncidents() {
		assertThat(panel("Created and closed per day", only("100", ".*"))).containsExactly(
				row("time", DAY1, "requests_created", "0", "requests_closed", "0", "incidents_created", "1",
						"incidents_closed", "0"),
				row("time", DAY2, "requests_created", "0", "requests_closed", "0", "incidents_created", "0",
						"incidents_closed", "1"),
				row("time", DAY3, "requests_created", "0", "requests_closed", "0", "incidents_created", "1",
						"incidents_closed", "1"));
		assertThat(
				panel("Created and closed per day", Map.of("group", List.of("100", "200"), "service", List.of("2001"))))
			.containsExactly(row("time", DAY2, "requests_created", "0", "requests_closed", "0", "incidents_created",
					"1", "incidents_closed", "0"));
	}

	@Test
	void timeToAssignIsTheFirstAssignmentPerGroupAndService() {
		assertThat(panel("Time to assign, by work group and service", all())).containsExactly(
				durations("100", "1001", "600"), durations("100", "1002", "1200"), durations("200", "2001", "1800"));
		assertThat(panel("Time to assign, by work group and service", only("100", "1002")))
			.containsExactly(durations("100", "1002", "1200"));
	}

	@Test
	void timeToCloseCountsIncidentsClosedInThePeriod() {
		assertThat(panel("Time to close, by work group and service", all()))
			.containsExactly(durations("100", "1001", "86400"), durations("100", "1002", "3600"));
		assertThat(panel("Time to close, by work group and service", only("200", ".*"))).isEmpty();
	}

	@Test
	void requestsClosedWithoutAnIncidentPerDayCountTheReplayedRowOnce() {
		assertThat(panel("Requests closed without an incident, per day", all())).containsExactly(
				row("time", DAY1, "without_an_incident", "1", "after_an_incident", "0"),
				row("time", DAY2, "without_an_incident", "1", "after_an_incident", "1"),
				row("time", DAY3, "without_an_incident", "0", "after_an_incident", "1"));
	}

	@Test
	void theRequestsClosedWithoutAnIncidentAreListedLatestFirstOnce() {
		assertThat(panel("Requests closed without an incident", all())).containsExactly(
				row("id", "9000004", "closed_at", "2001-03-02 12:10:00", "channel", "TELEGRAM", "priority", "NORMAL",
						"assignee", "anna", "closed_by", "anna", "seconds_to_close", "600"),
				row("id", "9000001", "closed_at", "2001-03-01 09:30:00", "channel", "PHONE", "priority", "NORMAL",
						"assignee", "anna", "closed_by", "anna", "seconds_to_close", "1800"));
	}

	@Test
	void timeToCloseRequestsIsByChannelAndReason() {
		assertThat(panel("Time to close requests, by channel and reason", all())).containsExactly(
				channel("ESB", "INCIDENT_CLOSED", "86700"), channel("PHONE", "INCIDENT_CLOSED", "3600"),
				channel("PHONE", "NO_INCIDENT", "1800"), channel("TELEGRAM", "NO_INCIDENT", "600"));
	}

	@Test
	void slaAlarmsAreCountedOncePerAlarmByGroupAndService() {
		assertThat(panel("SLA alarms, by work group and service", all())).containsExactly(
				row("group", "100", "service", "1001", "warnings", "1", "breaches", "1", "escalations", "2",
						"incidents_breached", "1"),
				row("group", "200", "service", "2001", "warnings", "1", "breaches", "0", "escalations", "0",
						"incidents_breached", "0"));
		assertThat(panel("SLA alarms, by work group and service", only("200", ".*")))
			.containsExactly(row("group", "200", "service", "2001", "warnings", "1", "breaches", "0", "escalations",
					"0", "incidents_breached", "0"));
	}

	@Test
	void theVariablesOfferTheGroupsAndServicesOfThePeriod() {
		assertThat(variable("group", all())).containsExactly("100", "200");
		assertThat(variable("service", all())).containsExactly("1001", "1002", "2001");
		assertThat(variable("service", only("100", ".*"))).containsExactly("1001", "1002");
	}

	private static List<Map<String, String>> panel(String title, Map<String, List<String>> values) {
		for (JsonNode panel : board.path("panels")) {
			if (title.equals(panel.path("title").asText())) {
				return run(panel.path("targets").get(0).path("rawSql").asText(), values);
			}
		}
		throw new AssertionError("No panel " + title + " in " + BOARD);
	}

	private static List<String> variable(String name, Map<String, List<String>> values) {
		for (JsonNode variable : board.path("templating").path("list")) {
			if (name.equals(variable.path("name").asText())) {
				return run(variable.path("query").asText(), values).stream()
					.map((row) -> row.values().iterator().next())
					.toList();
			}
		}
		throw new AssertionError("No variable " + name + " in " + BOARD);
	}

	private static List<Map<String, String>> run(String sql, Map<String, List<String>> values) {
		String answer = ClickHouseServer.query(substitute(sql, values) + "\nFORMAT JSONEachRow");
		List<Map<String, String>> rows = new ArrayList<>();
		for (String line : answer.lines().filter((line) -> !line.isBlank()).toList()) {
			try {
				Map<String, String> row = new LinkedHashMap<>();
				json.readTree(line)
					.fields()
					.forEachRemaining((field) -> row.put(field.getKey(), field.getValue().asText()));
				rows.add(row);
			}
			catch (IOException ex) {
				throw new AssertionError("ClickHouse answered no JSON: " + line, ex);
			}
		}
		return rows;
	}

	/**
	 * The query as Grafana sends it: the period as epoch seconds, each multi-value
	 * variable in its {@code regex} format (one value as itself, several as
	 * {@code (a|b)}, "All" as the board's custom all value {@code .*}, which Grafana
	 * leaves unformatted). A variable this test does not know fails the test.
	 */
	private static String substitute(String sql, Map<String, List<String>> values) {
		Matcher variable = VARIABLE.matcher(sql);
		StringBuilder out = new StringBuilder();
		while (variable.find()) {
			String name = (variable.group(1) != null) ? variable.group(1) : variable.group(3);
			String format = variable.group(2);
			String value;
			if ("__from".equals(name) && "date:seconds".equals(format)) {
				value = Long.toString(FROM.getEpochSecond());
			}
			else if ("__to".equals(name) && "date:seconds".equals(format)) {
				value = Long.toString(TO.getEpochSecond());
			}
			else if (values.containsKey(name) && "regex".equals(format)) {
				value = regex(values.get(name));
			}
			else {
				throw new AssertionError("The test does not know " + variable.group() + " in: " + sql);
			}
			variable.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		variable.appendTail(out);
		return out.toString();
	}

	private static String regex(List<String> chosen) {
		if (chosen.equals(List.of(".*"))) {
			return ".*";
		}
		List<String> escaped = chosen.stream()
			.map((value) -> value.replaceAll("[\\\\^$*+?.()|\\[\\]{}/]", "\\\\$0"))
			.toList();
		return (escaped.size() == 1) ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
	}

	private static Map<String, List<String>> all() {
		return only(".*", ".*");
	}

	private static Map<String, List<String>> only(String group, String service) {
		return Map.of("group", List.of(group), "service", List.of(service));
	}

	private static Map<String, String> row(String... keysAndValues) {
		Map<String, String> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}

	private static Map<String, String> durations(String group, String service, String seconds) {
		return row("group", group, "service", service, "incidents", "1", "avg_seconds", seconds, "median_seconds",
				seconds, "p90_seconds", seconds, "max_seconds", seconds);
	}

	private static Map<String, String> channel(String channel, String reason, String seconds) {
		return row("channel", channel, "close_reason", reason, "requests", "1", "avg_seconds", seconds,
				"median_seconds", seconds, "p90_seconds", seconds, "max_seconds", seconds);
	}

	private static HistoryEvent request(long id, String channel, String from, String to, String at, String reason,
			Long secondsToClose) {
		return event(HistoryEvent.REQUEST, id, "", "", channel, from, to, at, reason, null, secondsToClose);
	}

	private static HistoryEvent incident(long id, String group, String service, String from, String to, String at,
			Long secondsToAssign, Long secondsToClose) {
		return event(HistoryEvent.INCIDENT, id, group, service, "", from, to, at, "", secondsToAssign, secondsToClose);
	}

	private static HistoryEvent activity(long incidentId, String at) {
		Instant time = Instant.parse(at);
		return new HistoryEvent(nextEventId += 2, HistoryEvent.time(time), HistoryEvent.date(time),
				HistoryEvent.ACTIVITY, HistoryEvent.INCIDENT, incidentId, "", "", "NOTE_ADDED", "ivan", "ivan", "100",
				"1001", "NORMAL", "", "", null, null);
	}

	private static HistoryEvent slaAlarm(long incidentId, String group, String service, String kind, String at) {
		Instant time = Instant.parse(at);
		return new HistoryEvent(nextEventId += 2, HistoryEvent.time(time), HistoryEvent.date(time),
				HistoryEvent.ACTIVITY, HistoryEvent.INCIDENT, incidentId, "", "", kind, "system", "ivan", group,
				service, "CRITICAL", "", "", null, null);
	}

	private static HistoryEvent event(String type, long id, String group, String service, String channel, String from,
			String to, String at, String reason, Long secondsToAssign, Long secondsToClose) {
		Instant time = Instant.parse(at);
		return new HistoryEvent(nextEventId += 2, HistoryEvent.time(time), HistoryEvent.date(time), HistoryEvent.STATUS,
				type, id, from, to, "", "anna", "anna", group, service, "NORMAL", channel, reason, secondsToAssign,
				secondsToClose);
	}

	/** A panel of the reports' data source (the app's API), not of ClickHouse. */
	private static boolean isReport(JsonNode panel) {
		return "crm-api".equals(panel.path("datasource").path("uid").asText());
	}

}
