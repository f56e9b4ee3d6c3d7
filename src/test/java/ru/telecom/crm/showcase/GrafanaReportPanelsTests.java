package ru.telecom.crm.showcase;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import ru.telecom.crm.report.BacklogAgeingReport;
import ru.telecom.crm.report.EngineerPerformanceReport;
import ru.telecom.crm.report.QueueHealthReport;
import ru.telecom.crm.report.ReportApi;
import ru.telecom.crm.report.ReportGrouping;
import ru.telecom.crm.report.ReportPeriod;
import ru.telecom.crm.report.SlaComplianceReport;
import ru.telecom.crm.support.Dashboards;
import ru.telecom.crm.support.Dashboards.ApiQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boards' report panels (the Infinity plugin, data source {@code crm-api}) against
 * the reports API they ask: each asks a report with the parameters it takes, valid once
 * Grafana has put in the time range, parses the JSON rows on Grafana's side and names
 * only fields the report's records have, of the type it says. The running app answers the
 * same URLs in KeycloakGrafanaPanelsIntegrationTests.
 */
class GrafanaReportPanelsTests {

	private static final Map<String, Report> REPORTS = Map.of("/api/reports/sla-compliance",
			new Report(SlaComplianceReport.class, Set.of("from", "to", "groupBy"), ReportApi.SLA_GROUPINGS),
			"/api/reports/backlog-ageing",
			new Report(BacklogAgeingReport.class, Set.of("at", "groupBy"), ReportApi.SLA_GROUPINGS),
			"/api/reports/engineer-performance",
			new Report(EngineerPerformanceReport.class, Set.of("from", "to"), Set.of()), "/api/reports/queue-health",
			new Report(QueueHealthReport.class, Set.of("from", "to", "groupBy"), ReportApi.QUEUE_GROUPINGS));

	/** A report: its record, the parameters it reads, what it may be grouped by. */
	private record Report(Class<? extends Record> type, Set<String> parameters, Set<ReportGrouping> groupings) {
	}

	static List<ApiQuery> reportQueries() {
		Map<String, String> values = Dashboards.period(Instant.parse("2025-03-07T21:00:00Z"), Duration.ofDays(30),
				Duration.ofMinutes(1));
		List<ApiQuery> queries = Dashboards.boards()
			.stream()
			.flatMap((board) -> Dashboards.apiQueries(board, values).stream())
			.toList();
		assertThat(queries).isNotEmpty();
		return queries;
	}

	@Test
	void eachReportIsOnTheBoardTheIssueNames() {
		assertThat(reportsOn("flow.json")).containsExactlyInAnyOrder("/api/reports/sla-compliance",
				"/api/reports/engineer-performance");
		assertThat(reportsOn("operations.json")).containsExactlyInAnyOrder("/api/reports/queue-health",
				"/api/reports/backlog-ageing");
	}

	@Test
	void theApiDataSourceForwardsTheSignedInPersonsTokenToTheReportsOnly() throws IOException {
		Map<?, ?> dataSource = provisioned("crm-api");
		assertThat(dataSource.get("type")).isEqualTo(Dashboards.INFINITY);
		assertThat(dataSource.get("url")).isEqualTo("http://app:8080");
		Map<?, ?> settings = (Map<?, ?>) dataSource.get("jsonData");
		assertThat(settings.get("oauthPassThru")).isEqualTo(true);
		assertThat(settings.get("auth_method")).isEqualTo("oauthPassThru");
		assertThat(settings.get("allowedHosts")).isEqualTo(List.of("http://app:8080/api/reports/"));
		assertThat(dataSource.get("secureJsonData")).as("no secret of its own: the person's token").isNull();
	}

	@ParameterizedTest
	@MethodSource("ru.telecom.crm.showcase.GrafanaBoardsTests#boards")
	void everyReportPanelParsesJsonRowsOnGrafanasSide(Path board) {
		for (JsonNode panel : Dashboards.panels(Dashboards.read(board))) {
			for (JsonNode target : panel.path("targets")) {
				if (!"crm-api".equals(Dashboards.dataSource(panel, target).path("uid").asText())) {
					continue;
				}
				String where = panel.path("title").asText();
				assertThat(target.path("datasource").path("type").asText()).as(where).isEqualTo(Dashboards.INFINITY);
				assertThat(target.path("type").asText()).as(where).isEqualTo("json");
				assertThat(target.path("source").asText()).as(where).isEqualTo("url");
				assertThat(target.path("parser").asText()).as(where).isEqualTo("backend");
				assertThat(target.path("url_options").path("method").asText()).as("reports are reads: " + where)
					.isEqualTo("GET");
				assertThat(target.path("root_selector").asText()).as(where).isNotBlank();
				assertThat(target.path("columns").size()).as(where).isPositive();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("reportQueries")
	void everyReportPanelAsksAReportWithTheParametersItTakes(ApiQuery query) {
		URI url = URI.create(query.url());
		assertThat(url.getHost()).as("%s: relative to the data source", query.query()).isNull();
		Report report = REPORTS.get(url.getPath());
		assertThat(report).as("%s asks a report: %s", query.query(), url.getPath()).isNotNull();
		Map<String, String> parameters = parameters(url);
		assertThat(report.parameters()).as("%s", query.query()).containsAll(parameters.keySet());
		if (report.parameters().contains("from")) {
			ReportPeriod period = ReportPeriod.of(parameters.get("from"), parameters.get("to"));
			assertThat(period.to()).isEqualTo(Instant.parse("2025-03-07T21:00:00Z"));
		}
		if (parameters.containsKey("groupBy")) {
			ReportGrouping.of(parameters.get("groupBy"), report.groupings());
		}
		if (parameters.containsKey("at")) {
			assertThat(ReportPeriod.instant("at", parameters.get("at"))).isNotNull();
		}
	}

	@ParameterizedTest
	@MethodSource("reportQueries")
	void everyReportPanelShowsOnlyFieldsItsReportHas(ApiQuery query) {
		Report report = REPORTS.get(URI.create(query.url()).getPath());
		String where = query.query().toString();
		Type rows = field(report.type(), query.rootSelector(), where);
		assertThat(raw(rows)).as("%s: the rows at %s", where, query.rootSelector()).isEqualTo(List.class);
		Type row = ((ParameterizedType) rows).getActualTypeArguments()[0];
		for (Dashboards.Column column : query.columns()) {
			Class<?> type = raw(field(row, column.selector(), where + " " + column.text()));
			String expected = switch (column.type()) {
				case "number" ->
					(type.isPrimitive() || Number.class.isAssignableFrom(type)) ? "number" : type.getName();
				case "string" -> (type == String.class) ? "string" : type.getName();
				default -> "a type Grafana shows: " + column.type();
			};
			assertThat(expected).as("%s: %s (%s) is a %s", where, column.text(), column.selector(), column.type())
				.isEqualTo(column.type());
			assertThat(column.text()).as("%s: a readable title for %s", where, column.selector()).isNotBlank();
		}
	}

	/** The type at a dotted path ({@code response.met}, {@code ages.0.count}). */
	private static Type field(Type type, String path, String where) {
		Type current = type;
		for (String name : path.split("\\.")) {
			if (name.chars().allMatch(Character::isDigit)) {
				assertThat(raw(current)).as("%s: %s indexes a list", where, path).isEqualTo(List.class);
				current = ((ParameterizedType) current).getActualTypeArguments()[0];
				continue;
			}
			Class<?> record = raw(current);
			assertThat(record.isRecord()).as("%s: %s has fields (%s)", where, path, record).isTrue();
			current = Arrays.stream(record.getRecordComponents())
				.filter((component) -> component.getName().equals(name))
				.map(RecordComponent::getGenericType)
				.findFirst()
				.orElseThrow(() -> new AssertionError(
						where + ": " + record.getSimpleName() + " has no field " + name + " (" + path + ")"));
		}
		return current;
	}

	private static Class<?> raw(Type type) {
		return (type instanceof ParameterizedType parameterized) ? (Class<?>) parameterized.getRawType()
				: (Class<?>) type;
	}

	private static Map<String, String> parameters(URI url) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (url.getRawQuery() != null) {
			for (String pair : url.getRawQuery().split("&")) {
				String[] parts = pair.split("=", 2);
				parameters.put(parts[0], URLDecoder.decode((parts.length > 1) ? parts[1] : "", StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	private static List<String> reportsOn(String board) {
		return reportQueries().stream()
			.filter((query) -> query.query().board().equals(board))
			.map((query) -> URI.create(query.url()).getPath())
			.toList();
	}

	private static Map<?, ?> provisioned(String uid) throws IOException {
		try (InputStream in = Files.newInputStream(Dashboards.DATA_SOURCES.resolve("datasources.yaml"))) {
			Map<String, Object> provisioning = new Yaml().load(in);
			return ((List<?>) provisioning.get("datasources")).stream()
				.map((source) -> (Map<?, ?>) source)
				.filter((source) -> uid.equals(source.get("uid")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no data source " + uid));
		}
	}

}
