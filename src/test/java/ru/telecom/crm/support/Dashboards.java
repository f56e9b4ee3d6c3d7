package ru.telecom.crm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the Grafana boards in {@code src/main/docker/grafana/dashboards} as Grafana
 * would: their panels (rows' included), the queries of each, the variables those use.
 * Tests run every query against a real Prometheus or ClickHouse after {@link #substitute}
 * has put a value in place of each variable, as Grafana does before it sends a query; a
 * variable left without a value fails there, never silently at the server.
 */
public final class Dashboards {

	/** Where the provisioned boards live, one JSON file each. */
	public static final Path DIRECTORY = Path.of("src/main/docker/grafana/dashboards");

	/** Grafana's provisioned data sources. */
	public static final Path DATA_SOURCES = Path.of("src/main/docker/grafana/provisioning/datasources");

	/** The data source types whose queries these helpers read. */
	public static final String PROMETHEUS = "prometheus";

	public static final String CLICKHOUSE = "grafana-clickhouse-datasource";

	/**
	 * The Infinity plugin, which asks the app's reports API (data source uid crm-api).
	 */
	public static final String INFINITY = "yesoreyeram-infinity-datasource";

	/**
	 * Grafana's {@code ${__from:date:iso}}: UTC with milliseconds, as moment prints it.
	 */
	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** A board's relative time range, as {@code now-30d}. */
	private static final Pattern RELATIVE = Pattern.compile("now-(\\d+)([mhdw])");

	/**
	 * Grafana's own variables, which a board may use without defining them: the time
	 * range and step, and (in data links) the clicked row's fields.
	 */
	public static final Set<String> GRAFANA_GLOBALS = Set.of("__from", "__to", "__interval", "__interval_ms",
			"__rate_interval", "__rate_interval_ms", "__range", "__range_s", "__range_ms", "__timezone", "__dashboard",
			"__org", "__user", "__data", "__field", "__series", "__value", "__url_time_range", "__all_variables");

	/**
	 * Grafana's variable syntax: {@code $name}, {@code [[name:format]]} and
	 * {@code ${name.path:format}} (the path for {@code __data.fields.id}, the format for
	 * {@code ${__from:date:seconds}}).
	 */
	private static final Pattern VARIABLE = Pattern
		.compile("\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?]]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?}");

	/** Grafana's {@code label_values(selector, label)}, the boards' variable queries. */
	private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.+),\\s*(\\w+)\\s*\\)\\s*$");

	private static final ObjectMapper json = new ObjectMapper();

	private Dashboards() {
	}

	/**
	 * One query of a board: where it is (panel title and ref id, or the variable) and its
	 * text.
	 */
	public record Query(String board, String panel, String refId, String text) {

		@Override
		public String toString() {
			return this.board + " / " + this.panel + " / " + this.refId;
		}

	}

	/**
	 * A variable in a text: its name, the field path after a dot, the format after a
	 * colon.
	 */
	public record Use(String name, String path, String format) {

		/** The name with its path, as a data link's {@code __data.fields.id}. */
		public String qualified() {
			return (this.path == null) ? this.name : this.name + "." + this.path;
		}

	}

	/**
	 * One query of an Infinity panel: the URL once its variables have values, where the
	 * rows are in the JSON answer, and the columns the panel names.
	 */
	public record ApiQuery(Query query, String rootSelector, List<Column> columns) {

		/** The URL, relative to the data source's base URL (the app). */
		public String url() {
			return this.query.text();
		}

	}

	/** A column an Infinity panel shows: a path in each row, its title and type. */
	public record Column(String selector, String text, String type) {

	}

	/** Every board file, sorted by name. */
	public static List<Path> boards() {
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static JsonNode read(Path board) {
		try {
			return json.readTree(board.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The board's panels, a collapsed row's included, rows themselves left out. */
	public static List<JsonNode> panels(JsonNode board) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode panel : board.path("panels")) {
			if ("row".equals(panel.path("type").asText())) {
				panel.path("panels").forEach(found::add);
			}
			else {
				found.add(panel);
			}
		}
		return found;
	}

	/** The board's template variables. */
	public static List<JsonNode> variables(JsonNode board) {
		List<JsonNode> found = new ArrayList<>();
		board.path("templating").path("list").forEach(found::add);
		return found;
	}

	/**
	 * The data source a target asks: its own, else its panel's. A reference is
	 * {@code {"type", "uid"}}; Grafana's older plain name is returned as a uid-less node.
	 */
	public static JsonNode dataSource(JsonNode panel, JsonNode target) {
		JsonNode own = target.path("datasource");
		return (own.isMissingNode() || own.isNull()) ? panel.path("datasource") : own;
	}

	/**
	 * Every PromQL expression of the board's panels, each variable replaced from
	 * {@code values} (see {@link #substitute}).
	 */
	public static List<Query> promQueries(Path board, Map<String, String> values) {
		return targets(board, PROMETHEUS, "expr", values);
	}

	/**
	 * Every SQL query of the board's ClickHouse panels ({@code rawSql}) and variables,
	 * each variable replaced from {@code values} (see {@link #substitute}).
	 */
	public static List<Query> sqlQueries(Path board, Map<String, String> values) {
		List<Query> found = new ArrayList<>(targets(board, CLICKHOUSE, "rawSql", values));
		String name = board.getFileName().toString();
		for (JsonNode variable : variables(read(board))) {
			if ("query".equals(variable.path("type").asText())
					&& isOf(variable.path("datasource"), CLICKHOUSE, "clickhouse")) {
				JsonNode query = variable.path("query");
				String sql = query.isTextual() ? query.asText() : query.path("rawSql").asText();
				found.add(new Query(name, "variable " + variable.path("name").asText(), "query",
						substitute(sql, values)));
			}
		}
		return found;
	}

	/**
	 * Every query of the board's Infinity panels (the app's reports), each variable in
	 * its URL replaced from {@code values} (see {@link #substitute}).
	 */
	public static List<ApiQuery> apiQueries(Path board, Map<String, String> values) {
		List<ApiQuery> found = new ArrayList<>();
		String name = board.getFileName().toString();
		for (JsonNode panel : panels(read(board))) {
			for (JsonNode target : panel.path("targets")) {
				if (target.path("hide").asBoolean(false) || !isOf(dataSource(panel, target), INFINITY, "crm-api")) {
					continue;
				}
				List<Column> columns = new ArrayList<>();
				target.path("columns")
					.forEach((column) -> columns.add(new Column(column.path("selector").asText(),
							column.path("text").asText(), column.path("type").asText())));
				found.add(new ApiQuery(
						new Query(name, panel.path("title").asText(), target.path("refId").asText(),
								substitute(target.path("url").asText(), values)),
						target.path("root_selector").asText(), columns));
			}
		}
		return found;
	}

	/**
	 * The board's Prometheus variables as PromQL that finds the same values:
	 * {@code label_values(selector, label)} becomes {@code count by (label) (selector)}.
	 */
	public static List<Query> promVariableQueries(Path board, Map<String, String> values) {
		List<Query> found = new ArrayList<>();
		String name = board.getFileName().toString();
		for (JsonNode variable : variables(read(board))) {
			if ("query".equals(variable.path("type").asText())
					&& isOf(variable.path("datasource"), PROMETHEUS, "prometheus")) {
				JsonNode query = variable.path("query");
				String text = query.isTextual() ? query.asText() : query.path("query").asText();
				Matcher labelValues = LABEL_VALUES.matcher(text);
				if (!labelValues.matches()) {
					throw new IllegalArgumentException(name + ": variable " + variable.path("name").asText()
							+ " is not label_values(...): " + text);
				}
				String promql = "count by (" + labelValues.group(2) + ") (" + labelValues.group(1) + ")";
				found.add(new Query(name, "variable " + variable.path("name").asText(), "query",
						substitute(promql, values)));
			}
		}
		return found;
	}

	/**
	 * The variables a text uses. A name of digits only is not one: it is a regular
	 * expression's group in PromQL's {@code label_replace}, which Grafana leaves alone.
	 */
	public static List<Use> uses(String text) {
		List<Use> found = new ArrayList<>();
		Matcher variable = VARIABLE.matcher(text);
		while (variable.find()) {
			Use use = use(variable);
			if (!use.name().chars().allMatch(Character::isDigit)) {
				found.add(use);
			}
		}
		return found;
	}

	/**
	 * The text with every variable replaced, as Grafana interpolates it. The value is
	 * looked up by the variable's whole reference first ({@code __from:date:seconds},
	 * {@code __data.fields.id}), then by its name with path, then by its name. The format
	 * {@code percentencode} encodes the value as Grafana does; {@code raw} and the date
	 * formats are expected to be given whole. A variable without a value throws.
	 */
	public static String substitute(String text, Map<String, String> values) {
		Matcher variable = VARIABLE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (variable.find()) {
			Use use = use(variable);
			String value;
			if (use.name().chars().allMatch(Character::isDigit)) {
				value = variable.group();
			}
			else if (use.format() != null && values.containsKey(use.qualified() + ":" + use.format())) {
				value = values.get(use.qualified() + ":" + use.format());
			}
			else if (values.containsKey(use.qualified())) {
				value = formatted(values.get(use.qualified()), use.format());
			}
			else if (values.containsKey(use.name())) {
				value = formatted(values.get(use.name()), use.format());
			}
			else {
				throw new IllegalArgumentException("no value for the variable " + variable.group() + " in: " + text);
			}
			variable.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		variable.appendTail(out);
		return out.toString();
	}

	/**
	 * Values for Grafana's time variables over a period ending at {@code to}, as Grafana
	 * sets them for a board: {@code __from}/{@code __to} in epoch milliseconds and as
	 * {@code :date:seconds} and {@code :date:iso}, {@code __range}, {@code __range_s},
	 * and a step for {@code __interval} and {@code __rate_interval}.
	 */
	public static Map<String, String> period(Instant to, Duration length, Duration step) {
		Instant from = to.minus(length);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("__from", Long.toString(from.toEpochMilli()));
		values.put("__to", Long.toString(to.toEpochMilli()));
		values.put("__from:date:seconds", Long.toString(from.getEpochSecond()));
		values.put("__to:date:seconds", Long.toString(to.getEpochSecond()));
		values.put("__from:date:iso", ISO.format(from));
		values.put("__to:date:iso", ISO.format(to));
		values.put("__range", length.toSeconds() + "s");
		values.put("__range_s", Long.toString(length.toSeconds()));
		values.put("__range_ms", Long.toString(length.toMillis()));
		values.put("__interval", step.toSeconds() + "s");
		values.put("__interval_ms", Long.toString(step.toMillis()));
		// Grafana: at least four scrape intervals, and the step plus one scrape
		values.put("__rate_interval", Math.max(step.toSeconds() + 15, 60) + "s");
		return values;
	}

	/** How long the board's default time range is ({@code "from": "now-30d"}). */
	public static Duration defaultRange(JsonNode board) {
		Matcher relative = RELATIVE.matcher(board.path("time").path("from").asText());
		if (!relative.matches() || !"now".equals(board.path("time").path("to").asText())) {
			throw new IllegalArgumentException("not a range up to now: " + board.path("time"));
		}
		long amount = Long.parseLong(relative.group(1));
		return switch (relative.group(2)) {
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			default -> Duration.ofDays(7 * amount);
		};
	}

	private static List<Query> targets(Path board, String type, String field, Map<String, String> values) {
		JsonNode root = read(board);
		String name = board.getFileName().toString();
		String uid = PROMETHEUS.equals(type) ? "prometheus" : "clickhouse";
		List<Query> found = new ArrayList<>();
		for (JsonNode panel : panels(root)) {
			for (JsonNode target : panel.path("targets")) {
				if (target.path("hide").asBoolean(false) || !isOf(dataSource(panel, target), type, uid)) {
					continue;
				}
				found.add(new Query(name, panel.path("title").asText(), target.path("refId").asText(),
						substitute(target.path(field).asText(), values)));
			}
		}
		return found;
	}

	private static boolean isOf(JsonNode dataSource, String type, String uid) {
		return type.equals(dataSource.path("type").asText()) || uid.equals(dataSource.path("uid").asText());
	}

	private static Use use(Matcher variable) {
		if (variable.group(1) != null) {
			return new Use(variable.group(1), null, null);
		}
		if (variable.group(2) != null) {
			return new Use(variable.group(2), null, variable.group(3));
		}
		return new Use(variable.group(4), variable.group(5), variable.group(6));
	}

	private static String formatted(String value, String format) {
		if ("percentencode".equals(format)) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
		}
		return value;
	}

}
