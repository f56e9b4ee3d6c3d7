package ru.telecom.crm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * ClickHouse killed ({@code kill -9}) under load and started again after a while (2
 * minutes): the history's outbox in PostgreSQL keeps every status and activity row
 * meanwhile and drains after, and ClickHouse ends with exactly the rows PostgreSQL has.
 * The harness runs Debian's {@code clickhouse-server} as the tests do (a process of its
 * own, its data and configuration in {@code <out>/clickhouse}, its pid in
 * {@code pids/clickhouse.pid}).
 */
final class ClickHouseDown implements FaultScenario {

	private static final int LEGACY_ROWS = 20_000;

	private static final String USER = "crm";

	private final String password = "faults-" + UUID.randomUUID();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final FaultContext context;

	private final Path home;

	private int httpPort;

	private Process server;

	ClickHouseDown(FaultContext context) {
		this.context = context;
		this.home = context.out().resolve("clickhouse");
	}

	@Override
	public Map<String, Object> run() throws Exception {
		int down = this.context.option("down", 120);
		configure();
		launch();
		AppProcess app = this.context.app();
		app.addArguments(List.of("--crm.history.clickhouse.url=http://127.0.0.1:" + this.httpPort,
				"--crm.history.clickhouse.user=" + USER, "--crm.history.clickhouse.password=" + this.password));
		try {
			return run(app, down);
		}
		finally {
			stop();
		}
	}

	private Map<String, Object> run(AppProcess app, int down) throws Exception {
		app.launch();
		app.awaitReady();
		BenchUsers users = new BenchUsers(16, 8);
		LegacyRows.load(this.context.psql(), this.context.legacyDatabase(), LEGACY_ROWS);
		BenchDirectory.create(this.context.api(), this.context.psql(), this.context.database(), users);
		// the rows of this run: after these ids
		String[] first = this.context.psql()
			.query(this.context.database(),
					"select coalesce(max(id), 0), (select coalesce(max(id), 0) from activity) from status")
			.get(0);
		FaultLoad load = new FaultLoad(this.context.api(), new IntakeMix(LEGACY_ROWS), users);
		load.start(this.context.option("intake", 2), this.context.option("esb", 2),
				this.context.option("lifecycle", 2));

		Thread.sleep(this.context.option("before", 30) * 1000L);
		long outboxBefore = outbox();
		this.server.destroyForcibly().waitFor();
		long downAt = System.nanoTime();
		System.out.printf("ClickHouse killed; outbox %d rows; %s%n", outboxBefore, load.acknowledged());
		long outboxMax = 0;
		while (System.nanoTime() - downAt < down * 1_000_000_000L) {
			outboxMax = Math.max(outboxMax, outbox());
			Thread.sleep(2000);
		}
		long outboxAtReturn = outbox();
		launch();
		long upAt = System.nanoTime();
		System.out.printf("ClickHouse back after %d s; outbox %d rows%n", (upAt - downAt) / 1_000_000_000,
				outboxAtReturn);
		long drainedAfter = -1;
		long afterLoad = upAt + this.context.option("after", 60) * 1_000_000_000L;
		// the outbox below its level before the outage: the backlog shipped
		while (System.nanoTime() < afterLoad) {
			if (drainedAfter < 0 && outbox() <= Math.max(outboxBefore, 50)) {
				drainedAfter = (System.nanoTime() - upAt) / 1_000_000;
				System.out.printf("backlog shipped %d ms after the return%n", drainedAfter);
			}
			Thread.sleep(500);
		}
		load.stop();
		System.out.printf("load stopped: %s%n", load.acknowledged());
		FaultChecks checks = new FaultChecks(this.context.psql(), this.context.database());
		long drainStart = System.nanoTime();
		while ((checks.dueJobs() > 0 || outbox() > 0) && System.nanoTime() - drainStart < 600_000_000_000L) {
			Thread.sleep(1000);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("downSeconds", (upAt - downAt) / 1_000_000_000);
		result.put("outboxBeforeTheKill", outboxBefore);
		result.put("outboxMaxWhileDown", Math.max(outboxMax, outboxAtReturn));
		result.put("outboxAtReturn", outboxAtReturn);
		result.put("backlogShippedAfterReturnMs", drainedAfter);
		result.put("outboxLeft", outbox());
		result.put("counts", counts(Long.parseLong(first[0]), Long.parseLong(first[1])));
		result.put("load", load.figures());
		result.put("checks", checks.check(load, this.context.appLog()));
		result.put("passed", passed(result));
		return result;
	}

	private long outbox() {
		return Long.parseLong(this.context.psql().value(this.context.database(), "select count(*) from history_outbox"));
	}

	/** Status and activity rows of the run in PostgreSQL, and their events in ClickHouse. */
	private Map<String, Object> counts(long statusAfter, long activityAfter) throws Exception {
		String[] pg = this.context.psql()
			.query(this.context.database(), "select (select count(*) from status where id > " + statusAfter
					+ "), (select count(*) from activity where id > " + activityAfter + ")")
			.get(0);
		String[] ch = query("select uniqExactIf(event_id, event_id % 2 = 0 and intDiv(event_id, 2) > " + statusAfter
				+ "), uniqExactIf(event_id, event_id % 2 = 1 and intDiv(event_id, 2) > " + activityAfter
				+ "), countIf(event_id % 2 = 0 and intDiv(event_id, 2) > " + statusAfter
				+ ") + countIf(event_id % 2 = 1 and intDiv(event_id, 2) > " + activityAfter
				+ ") from crm.history_event FINAL")
			.strip()
			.split("\t");
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("statusRowsPostgres", Long.parseLong(pg[0]));
		counts.put("statusEventsClickHouse", Long.parseLong(ch[0]));
		counts.put("activityRowsPostgres", Long.parseLong(pg[1]));
		counts.put("activityEventsClickHouse", Long.parseLong(ch[1]));
		counts.put("clickHouseRowsAfterMerge", Long.parseLong(ch[2]));
		return counts;
	}

	@SuppressWarnings("unchecked")
	private boolean passed(Map<String, Object> result) {
		Map<String, Object> c = (Map<String, Object>) result.get("checks");
		Map<String, Object> n = (Map<String, Object>) result.get("counts");
		boolean equal = n.get("statusRowsPostgres").equals(n.get("statusEventsClickHouse"))
				&& n.get("activityRowsPostgres").equals(n.get("activityEventsClickHouse"));
		boolean clean = List
			.of("lost", "duplicated", "statusDisagreesRequests", "statusDisagreesIncidents", "jobsDueLeft",
					"jobsFailed")
			.stream()
			.allMatch((name) -> ((Number) c.get(name)).longValue() == 0);
		return equal && clean && ((Number) result.get("outboxLeft")).longValue() == 0
				&& ((Number) result.get("outboxMaxWhileDown")).longValue() > 0;
	}

	@Override
	@SuppressWarnings("unchecked")
	public String table(Map<String, Object> result) {
		Map<String, Object> c = (Map<String, Object>) result.get("checks");
		Map<String, Object> l = (Map<String, Object>) result.get("load");
		Map<String, Object> n = (Map<String, Object>) result.get("counts");
		StringBuilder out = new StringBuilder("| check | result |\n|---|---|\n");
		FaultTables.row(out, "ClickHouse down (s)", result.get("downSeconds"));
		FaultTables.row(out, "acknowledged: intakes / ESB messages / lifecycles (complete)",
				l.get("intakesAcknowledged") + " / " + l.get("esbAcknowledged") + " / " + l.get("lifecycles") + " ("
						+ l.get("lifecyclesComplete") + ")");
		FaultTables.row(out, "other answers / 5xx", l.get("errors") + " / " + l.get("callsAnswered5xx"));
		FaultTables.row(out, "outbox rows: before the kill / most while down / at the return / left",
				result.get("outboxBeforeTheKill") + " / " + result.get("outboxMaxWhileDown") + " / "
						+ result.get("outboxAtReturn") + " / " + result.get("outboxLeft"));
		FaultTables.row(out, "backlog shipped after the return (s)", String.format(Locale.ROOT, "%.1f",
				((Number) result.get("backlogShippedAfterReturnMs")).longValue() / 1000.0));
		FaultTables.row(out, "**status rows: PostgreSQL / ClickHouse (distinct events)**",
				n.get("statusRowsPostgres") + " / " + n.get("statusEventsClickHouse"));
		FaultTables.row(out, "**activity rows: PostgreSQL / ClickHouse (distinct events)**",
				n.get("activityRowsPostgres") + " / " + n.get("activityEventsClickHouse"));
		FaultTables.row(out, "ClickHouse rows after FINAL (copies merged)", n.get("clickHouseRowsAfterMerge"));
		FaultTables.row(out, "**lost** / **duplicated**", c.get("lost") + " / " + c.get("duplicated"));
		FaultTables.row(out, "jobs left due / failed / engine incidents",
				c.get("jobsDueLeft") + " / " + c.get("jobsFailed") + " / " + c.get("engineIncidents"));
		FaultTables.row(out, "passed", result.get("passed"));
		return out.toString();
	}

	private String query(String sql) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/"))
			.header("X-ClickHouse-User", USER)
			.header("X-ClickHouse-Key", this.password)
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("ClickHouse refused " + sql + ": " + response.body());
		}
		return response.body();
	}

	private void configure() throws IOException {
		Files.createDirectories(this.home);
		try (ServerSocket one = new ServerSocket(0); ServerSocket two = new ServerSocket(0)) {
			this.httpPort = one.getLocalPort();
			Files.writeString(this.home.resolve("config.xml"), """
					<?xml version="1.0"?>
					<yandex>
					  <logger><level>warning</level><log>%1$s/server.log</log><errorlog>%1$s/server.err.log</errorlog><console>0</console></logger>
					  <listen_host>127.0.0.1</listen_host>
					  <http_port>%2$d</http_port>
					  <tcp_port>%3$d</tcp_port>
					  <path>%1$s/data/</path>
					  <tmp_path>%1$s/tmp/</tmp_path>
					  <user_files_path>%1$s/user_files/</user_files_path>
					  <format_schema_path>%1$s/format_schemas/</format_schema_path>
					  <users_config>users.xml</users_config>
					  <default_profile>default</default_profile>
					  <default_database>default</default_database>
					  <mark_cache_size>268435456</mark_cache_size>
					  <timezone>UTC</timezone>
					  <mlock_executable>false</mlock_executable>
					</yandex>
					""".formatted(this.home, this.httpPort, two.getLocalPort()));
		}
		Files.writeString(this.home.resolve("users.xml"), """
				<?xml version="1.0"?>
				<yandex>
				  <profiles><default/></profiles>
				  <users><%1$s><password>%2$s</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></%1$s></users>
				  <quotas><default/></quotas>
				</yandex>
				""".formatted(USER, this.password));
	}

	/** Starts the server (its pid for the script's clean-up) and waits for its ping. */
	private void launch() throws Exception {
		String binary = List.of("/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server", "/usr/bin/clickhouse")
			.stream()
			.filter((path) -> Files.isExecutable(Path.of(path)))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no ClickHouse server: apt-get install clickhouse-server"));
		this.server = new ProcessBuilder(binary, "--config-file=" + this.home.resolve("config.xml"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.home.resolve("stdout.log").toFile()))
			.start();
		Files.writeString(this.context.pidFile("clickhouse"), Long.toString(this.server.pid()));
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (System.nanoTime() < deadline) {
			if (!this.server.isAlive()) {
				throw new IllegalStateException("ClickHouse ended while starting; see " + this.home);
			}
			try {
				HttpResponse<String> ping = this.http.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/ping")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (ping.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("ClickHouse did not answer within 2 minutes; see " + this.home);
	}

	private void stop() throws InterruptedException {
		if (this.server != null && this.server.isAlive()) {
			this.server.destroy();
			this.server.waitFor();
		}
	}

}
