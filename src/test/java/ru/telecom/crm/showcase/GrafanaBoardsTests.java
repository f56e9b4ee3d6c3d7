package ru.telecom.crm.showcase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.support.Dashboards;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana boards as Grafana would load them (Grafana itself does not run here): every
 * panel asks a provisioned data source, every variable a query or link uses is defined,
 * no query leans on a plugin's macros, and every data link opens a console page for any
 * item row the panel can show.
 */
class GrafanaBoardsTests {

	/**
	 * Sample item rows as the metrics label them (README, "Metrics"): every open status,
	 * both types.
	 */
	private static final List<Map<String, String>> ITEM_ROWS = new ArrayList<>();

	private static final Map<String, String> dataSources = new HashMap<>();

	private static ConsoleRoutes console;

	@BeforeAll
	static void readWhatTheBoardsReferTo() throws IOException {
		try (Stream<Path> files = Files.list(Dashboards.DATA_SOURCES)) {
			for (Path file : files.sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					Map<String, Object> provisioning = new Yaml().load(in);
					for (Object source : (List<?>) provisioning.get("datasources")) {
						Map<?, ?> dataSource = (Map<?, ?>) source;
						dataSources.put((String) dataSource.get("uid"), (String) dataSource.get("type"));
					}
				}
			}
		}
		assertThat(dataSources).containsOnlyKeys("prometheus", "clickhouse", "crm-api");
		console = ConsoleRoutes.scan();
		assertThat(console.size()).isGreaterThan(5);
		for (RequestStatus status : RequestStatus.values()) {
			if (status != RequestStatus.CLOSED) {
				ITEM_ROWS.add(row("request", "7", status.name(), "", "", "anna", Priority.NORMAL));
				ITEM_ROWS.add(row("request", "7", status.name(), "", "", "", Priority.NORMAL));
			}
		}
		for (IncidentStatus status : IncidentStatus.values()) {
			if (status != IncidentStatus.CLOSED) {
				ITEM_ROWS.add(row("incident", "8", status.name(), "100", "1001", "ivan", Priority.CRITICAL));
				ITEM_ROWS.add(row("incident", "8", status.name(), "100", "1001", "", Priority.CRITICAL));
			}
		}
	}

	static List<Path> boards() {
		List<Path> boards = Dashboards.boards();
		assertThat(boards).isNotEmpty();
		return boards;
	}

	@ParameterizedTest
	@MethodSource("boards")
	void everyPanelAsksAProvisionedDataSource(Path board) {
		JsonNode root = Dashboards.read(board);
		for (JsonNode panel : Dashboards.panels(root)) {
			if ("text".equals(panel.path("type").asText())) {
				continue;
			}
			assertThat(panel.path("targets").size()).as("%s has queries", panel.path("title")).isPositive();
			for (JsonNode target : panel.path("targets")) {
				assertProvisioned(Dashboards.dataSource(panel, target), panel.path("title").asText());
			}
		}
		for (JsonNode variable : Dashboards.variables(root)) {
			if ("query".equals(variable.path("type").asText())) {
				assertProvisioned(variable.path("datasource"), "variable " + variable.path("name").asText());
			}
		}
	}

	@ParameterizedTest
	@MethodSource("boards")
	void everyVariableABoardUsesIsDefined(Path board) {
		JsonNode root = Dashboards.read(board);
		Set<String> defined = new TreeSet<>(Dashboards.GRAFANA_GLOBALS);
		Dashboards.variables(root).forEach((variable) -> defined.add(variable.path("name").asText()));
		for (Map.Entry<String, String> text : interpolated(root).entrySet()) {
			for (Dashboards.Use use : Dashboards.uses(text.getValue())) {
				assertThat(use.name()).as("a variable in %s: %s", text.getKey(), text.getValue()).isIn(defined);
			}
		}
	}

	/**
	 * The plugins' macros ($__timeFilter, $__fromTime, $__conditionalAll…) expand to
	 * functions ClickHouse 18.16 lacks, and tests could not run what they expand to.
	 */
	@ParameterizedTest
	@MethodSource("boards")
	void queriesUseNoPluginMacros(Path board) {
		for (Map.Entry<String, String> text : interpolated(Dashboards.read(board)).entrySet()) {
			for (Dashboards.Use use : Dashboards.uses(text.getValue())) {
				if (use.name().startsWith("__")) {
					assertThat(use.name()).as("Grafana's own variable, not a macro, in %s", text.getKey())
						.isIn(Dashboards.GRAFANA_GLOBALS);
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("boards")
	void everyQueryIsCompleteOnceItsVariablesHaveValues(Path board) {
		Map<String, String> values = new HashMap<>(
				Dashboards.period(Instant.parse("2025-01-15T12:00:00Z"), Duration.ofHours(24), Duration.ofMinutes(1)));
		for (JsonNode variable : Dashboards.variables(Dashboards.read(board))) {
			values.put(variable.path("name").asText(), sampleValue(variable));
		}
		List<Dashboards.Query> queries = new ArrayList<>(Dashboards.promQueries(board, values));
		queries.addAll(Dashboards.sqlQueries(board, values));
		queries.addAll(Dashboards.promVariableQueries(board, values));
		Dashboards.apiQueries(board, values).forEach((query) -> queries.add(query.query()));
		assertThat(queries).isNotEmpty();
		for (Dashboards.Query query : queries) {
			assertThat(query.text()).as("%s", query).isNotBlank();
			assertThat(Dashboards.uses(query.text())).as("%s: %s", query, query.text()).isEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("boards")
	void everyDataLinkOpensAConsolePage(Path board) {
		JsonNode root = Dashboards.read(board);
		Set<String> uids = new TreeSet<>();
		boards().forEach((other) -> uids.add(Dashboards.read(other).path("uid").asText()));
		for (JsonNode panel : Dashboards.panels(root)) {
			for (JsonNode link : links(panel)) {
				String url = link.path("url").asText();
				String where = panel.path("title").asText() + ": " + url;
				if (url.startsWith("/d/")) {
					assertThat(url.substring(3).split("[/?]")[0]).as(where).isIn(uids);
					continue;
				}
				assertThat(url).as("a link to the console, %s", where).startsWith("${console}/");
				assertConsoleAddress(root);
				String queries = panel.path("targets").findValuesAsText("expr").toString()
						+ panel.path("targets").findValuesAsText("rawSql");
				for (Map<String, String> row : ITEM_ROWS) {
					Map<String, String> values = new HashMap<>(Map.of("console", ""));
					for (Dashboards.Use use : Dashboards.uses(url)) {
						if ("__data".equals(use.name())) {
							String field = use.path().replaceFirst("^fields\\.", "");
							assertThat(Pattern.compile("\\b" + Pattern.quote(field) + "\\b").matcher(queries).find())
								.as("%s reads the field %s, which the panel's queries yield", where, field)
								.isTrue();
							values.put(use.qualified(), fieldValue(row, field, where));
						}
					}
					String address = Dashboards.substitute(url, values);
					assertThat(console.refusal(address)).as("%s for %s", address, row).isEmpty();
				}
			}
		}
	}

	@Test
	void everyBoardHasAUidOfItsOwn() {
		List<String> uids = boards().stream().map((board) -> Dashboards.read(board).path("uid").asText()).toList();
		assertThat(uids).doesNotContain("").doesNotHaveDuplicates();
	}

	private static void assertProvisioned(JsonNode dataSource, String where) {
		String uid = dataSource.path("uid").asText();
		assertThat(uid).as("the data source uid of %s", where).isIn(dataSources.keySet());
		assertThat(dataSource.path("type").asText()).as("the data source type of %s", where)
			.isEqualTo(dataSources.get(uid));
	}

	/** The console's address in the board: an absolute URL without a trailing slash. */
	private static void assertConsoleAddress(JsonNode board) {
		JsonNode console = Dashboards.variables(board)
			.stream()
			.filter((variable) -> "console".equals(variable.path("name").asText()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("a board with console links defines the variable console"));
		assertThat(console.path("type").asText()).isEqualTo("constant");
		assertThat(console.path("query").asText()).matches("https?://[^/]+(/.*[^/])?");
	}

	/** Every text Grafana interpolates, keyed by where it is. */
	private static Map<String, String> interpolated(JsonNode board) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (JsonNode panel : Dashboards.panels(board)) {
			String title = panel.path("title").asText();
			texts.put("the title of " + title, title);
			for (JsonNode target : panel.path("targets")) {
				for (String field : List.of("expr", "rawSql", "legendFormat", "url", "root_selector")) {
					if (target.hasNonNull(field)) {
						texts.put(title + " " + target.path("refId").asText() + " " + field,
								target.path(field).asText());
					}
				}
			}
			int i = 0;
			for (JsonNode link : links(panel)) {
				texts.put(title + " link " + i, link.path("url").asText());
				texts.put(title + " link title " + i++, link.path("title").asText());
			}
		}
		for (JsonNode variable : Dashboards.variables(board)) {
			JsonNode query = variable.path("query");
			texts.put("the variable " + variable.path("name").asText(),
					query.isTextual() ? query.asText() : query.toString());
		}
		return texts;
	}

	/** A panel's data links: its own, its fields' and its overrides'. */
	private static List<JsonNode> links(JsonNode panel) {
		List<JsonNode> links = new ArrayList<>();
		panel.path("links").forEach(links::add);
		panel.path("fieldConfig").path("defaults").path("links").forEach(links::add);
		for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
			for (JsonNode property : override.path("properties")) {
				if ("links".equals(property.path("id").asText())) {
					property.path("value").forEach(links::add);
				}
			}
		}
		return links;
	}

	/**
	 * A value Grafana could give the variable: "All" where offered, else its current one.
	 */
	private static String sampleValue(JsonNode variable) {
		if (variable.path("includeAll").asBoolean(false) && variable.hasNonNull("allValue")) {
			return variable.path("allValue").asText();
		}
		if ("constant".equals(variable.path("type").asText())) {
			return variable.path("query").asText();
		}
		JsonNode current = variable.path("current").path("value");
		return current.isArray() ? current.path(0).asText() : current.asText();
	}

	private static String fieldValue(Map<String, String> row, String field, String where) {
		assertThat(row).as("%s reads the field %s: a label the metrics carry (README, Metrics)", where, field)
			.containsKey(field);
		return row.get(field);
	}

	private static Map<String, String> row(String type, String id, String status, String group, String service,
			String assignee, Priority priority) {
		Map<String, String> row = new HashMap<>();
		row.put("type", type);
		row.put("id", id);
		row.put("status", status);
		row.put("group", group);
		row.put("service", service);
		row.put("assignee", assignee);
		// the people table's copy of assignee, with the console's word for unassigned
		row.put("assignee_filter", assignee.isEmpty() ? "none" : assignee);
		row.put("priority", priority.name());
		return row;
	}

}
