package ru.telecom.crm.history.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

import ru.telecom.crm.history.ClickHouseUnavailableException;
import ru.telecom.crm.history.HistorySettings;

/**
 * ClickHouse's HTTP interface, as 18.16 and current servers both speak it: a statement in
 * the body (or, for an insert, in the {@code query} parameter with the rows in the body),
 * the user and password in {@code X-ClickHouse-User}/{@code X-ClickHouse-Key}, 200 for
 * success. The official drivers need a newer server.
 */
class ClickHouseClient {

	/** The schema, from {@code src/main/docker/clickhouse} (the pom copies it here). */
	static final String SCHEMA = "clickhouse/history.sql";

	private static final String TABLE = "crm.history_event";

	private final HttpClient http;

	private final String url;

	private final HistorySettings.ClickHouse settings;

	/** Whether the schema is known to be there; forgotten on each failure. */
	private volatile boolean schemaReady;

	ClickHouseClient(HistorySettings.ClickHouse settings) {
		this.settings = settings;
		this.url = settings.url().replaceAll("/+$", "") + "/";
		// HTTP/1.1: ClickHouse does not speak HTTP/2, so no upgrade attempt
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.timeout())
			.build();
	}

	/**
	 * Creates the database and the table if they are missing: once, and again after a
	 * failure (the server may have come back empty, on a new volume).
	 */
	void ensureSchema() {
		if (!this.schemaReady) {
			for (String statement : schemaStatements()) {
				send(null, statement);
			}
			this.schemaReady = true;
		}
	}

	/** Which of these event ids ClickHouse holds. */
	Set<Long> storedAmong(Collection<Long> eventIds) {
		if (eventIds.isEmpty()) {
			return Set.of();
		}
		ensureSchema();
		String ids = eventIds.stream().map(String::valueOf).collect(Collectors.joining(","));
		String answer = send(null,
				"SELECT event_id FROM " + TABLE + " WHERE event_id IN (" + ids + ") FORMAT TabSeparated");
		return answer.lines().filter((line) -> !line.isBlank()).map(Long::valueOf).collect(Collectors.toSet());
	}

	/** Inserts the rows, each a line of JSONEachRow. */
	void insert(List<String> rows) {
		ensureSchema();
		send("INSERT INTO " + TABLE + " FORMAT JSONEachRow", String.join("\n", rows) + "\n");
	}

	/** Distinct events per day (UTC) from {@code from} to {@code to}, both included. */
	Map<LocalDate, Long> countsPerDay(LocalDate from, LocalDate to) {
		ensureSchema();
		String answer = send(null,
				"SELECT event_date, uniqExact(event_id) FROM " + TABLE + " WHERE event_date >= toDate('" + from
						+ "') AND event_date <= toDate('" + to + "') GROUP BY event_date FORMAT TabSeparated");
		Map<LocalDate, Long> counts = new LinkedHashMap<>();
		answer.lines().filter((line) -> !line.isBlank()).forEach((line) -> {
			String[] columns = line.split("\t");
			counts.put(LocalDate.parse(columns[0]), Long.valueOf(columns[1]));
		});
		return counts;
	}

	/**
	 * The schema file's statements: each ends with {@code ;} at the end of a line;
	 * comment lines are left out.
	 */
	static List<String> schemaStatements() {
		try (InputStream in = new ClassPathResource(SCHEMA).getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.strip().startsWith("--"))
				.collect(Collectors.joining("\n"));
			return Arrays.stream(text.split(";\\s*(\\n|$)")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The ClickHouse schema " + SCHEMA + " is not on the classpath", ex);
		}
	}

	/**
	 * Sends a statement: in the {@code query} parameter with {@code body} as its data, or
	 * (without a query) as the body itself.
	 */
	private String send(String query, String body) {
		URI uri = URI.create((query != null)
				? this.url + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20")
				: this.url);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.settings.timeout())
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (!this.settings.user().isBlank()) {
			request.header("X-ClickHouse-User", this.settings.user())
				.header("X-ClickHouse-Key", this.settings.password());
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (HttpTimeoutException ex) {
			this.schemaReady = false;
			throw new ClickHouseUnavailableException("timeout",
					"ClickHouse did not answer within " + this.settings.timeout().toSeconds() + " s", ex);
		}
		catch (IOException ex) {
			this.schemaReady = false;
			throw new ClickHouseUnavailableException("connection", "ClickHouse could not be reached", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ClickHouseUnavailableException("connection", "Interrupted while waiting for ClickHouse", ex);
		}
		if (response.statusCode() != 200) {
			this.schemaReady = false;
			// the server's own words help the operator (a row it quotes holds no client
			// data)
			String detail = response.body().lines().findFirst().orElse("");
			throw new ClickHouseUnavailableException("http",
					"ClickHouse answered " + response.statusCode() + ": " + abbreviate(detail), null);
		}
		return response.body();
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
