package ru.telecom.crm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start to ready ({@code start}): the app's jar started {@code n} times on H2 (the
 * embedded default: no {@code CRM_*} setting at all) and {@code n} times on the bench
 * cluster (databases {@code crm_start} and {@code crm_start_legacy}), each timed from
 * {@code java -jar} until {@code /actuator/health} says UP, then stopped. The first start
 * of each finds an empty database and makes the schemas; the others find it made, as a
 * restart does. The bench's own app keeps running, idle, meanwhile.
 */
final class StartTimes {

	private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

	private final Options options;

	private final Psql psql;

	StartTimes(Options options, Psql psql) {
		this.options = options;
		this.psql = psql;
	}

	Map<String, Object> run() throws InterruptedException {
		if (this.options.jar().isBlank()) {
			throw new IllegalArgumentException("--jar= is required for start (src/bench/run passes it)");
		}
		int starts = Math.max(1, this.options.starts());
		System.out.printf(Locale.ROOT,
				"%n== start: java -jar until /actuator/health is UP, %d times on H2 and on PostgreSQL; JVM options: %s%n",
				starts, this.options.javaOpts().isBlank() ? "none" : this.options.javaOpts());
		System.out.printf(Locale.ROOT, "%-11s %5s %9s %8s %10s %8s %s%n", "database", "start", "ready ms", "CPU s",
				"Spring's s", "RSS MB", "");
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("javaOptions", this.options.javaOpts());
		figures.put("h2", series("h2", starts, h2()));
		this.psql.query("postgres", "drop database if exists crm_start", "drop database if exists crm_start_legacy",
				"create database crm_start owner crm", "create database crm_start_legacy owner crm");
		figures.put("postgresql", series("postgresql", starts, postgresql()));
		return figures;
	}

	private Map<String, String> h2() {
		Path dir = this.options.out().resolve("start/h2");
		deleteTree(dir);
		return Map.of();
	}

	private Map<String, String> postgresql() {
		String db = "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "127.0.0.1") + ":"
				+ System.getenv().getOrDefault("PGPORT", "5432") + "/";
		Map<String, String> env = new LinkedHashMap<>();
		env.put("CRM_DB_URL", db + "crm_start");
		env.put("CRM_DB_USER", "crm");
		env.put("CRM_DB_PASSWORD", "crm");
		env.put("CRM_LEGACY_DB_URL", db + "crm_start_legacy");
		env.put("CRM_LEGACY_DB_USER", "crm");
		env.put("CRM_LEGACY_DB_PASSWORD", "crm");
		env.put("CRM_LEGACY_MIGRATE", "true");
		env.put("CRM_LEGACY_DEMO_DATA", "true");
		env.put("CRM_MAIL_TRANSPORT", "capture");
		return env;
	}

	private Map<String, Object> series(String name, int starts, Map<String, String> env) throws InterruptedException {
		Path dir = this.options.out().resolve("start/" + name);
		List<Map<String, Object>> runs = new ArrayList<>();
		for (int i = 1; i <= starts; i++) {
			Map<String, Object> run = startOnce(dir, env, dir.resolve("app-" + i + ".log"));
			runs.add(run);
			System.out.printf(Locale.ROOT, "%-11s %5d %9s %8s %10s %8s %s%n", name, i, run.get("readyMs"),
					run.get("cpuSecondsToReady"), run.get("springSeconds"), run.get("rssAtReadyMB"),
					(i == 1) ? "(empty database)" : "");
		}
		long[] ready = runs.stream().mapToLong((run) -> (Long) run.get("readyMs")).filter((ms) -> ms >= 0).toArray();
		Arrays.sort(ready);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("starts", runs);
		if (ready.length > 0) {
			figures.put("medianMs", ready[ready.length / 2]);
			figures.put("minMs", ready[0]);
			figures.put("maxMs", ready[ready.length - 1]);
			figures.put("firstMs", runs.get(0).get("readyMs"));
			double[] cpu = runs.stream().mapToDouble((run) -> (Double) run.get("cpuSecondsToReady")).sorted().toArray();
			figures.put("medianCpuSeconds", cpu[cpu.length / 2]);
			System.out.printf(Locale.ROOT,
					"%-11s median %d ms, min %d, max %d (of %d; the first on an empty database"
							+ " %s ms); median CPU %.1f s%n",
					name, ready[ready.length / 2], ready[0], ready[ready.length - 1], ready.length,
					runs.get(0).get("readyMs"), cpu[cpu.length / 2]);
		}
		return figures;
	}

	/**
	 * One start: ready time, Spring's own figure, resident memory at ready; then a stop.
	 */
	private Map<String, Object> startOnce(Path dir, Map<String, String> env, Path log) throws InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		if (!this.options.javaOpts().isBlank()) {
			command.addAll(Arrays.asList(this.options.javaOpts().strip().split("\\s+")));
		}
		command.addAll(List.of("-jar", this.options.jar(), "--management.endpoints.web.exposure.include=health"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(createDirectories(dir).toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().keySet().removeIf((key) -> key.startsWith("CRM_") || key.startsWith("SPRING_"));
		builder.environment().putAll(env);
		builder.environment().put("PORT", Integer.toString(port));
		Api api = new Api("http://127.0.0.1:" + port);
		Map<String, Object> run = new LinkedHashMap<>();
		long start = System.nanoTime();
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			long readyMs = -1;
			long deadline = start + 300_000_000_000L;
			while (System.nanoTime() < deadline && process.isAlive()) {
				Api.Response health = api.anonymous("/actuator/health");
				if (health.status() == 200 && health.body().contains("\"UP\"")) {
					readyMs = (System.nanoTime() - start) / 1_000_000;
					break;
				}
				Thread.sleep(100);
			}
			AppProbe probe = new AppProbe(api, process.pid(), dir, dir);
			run.put("readyMs", readyMs);
			// CPU time depends less on what else runs on the machine than the wall time
			run.put("cpuSecondsToReady", Math.round(probe.cpuSeconds()[0] * 10) / 10.0);
			run.put("springSeconds", springSeconds(log));
			run.put("rssAtReadyMB", probe.memory().get("rssMB"));
			if (readyMs < 0) {
				System.out.println("        did not become ready; see " + log);
			}
		}
		finally {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		return run;
	}

	/** Spring's "Started … in X seconds" of the log (JVM start to context ready). */
	private static Object springSeconds(Path log) {
		try {
			Matcher matcher = STARTED.matcher(Files.readString(log));
			return matcher.find() ? Double.parseDouble(matcher.group(1)) : "?";
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static Path createDirectories(Path dir) {
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteTree(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
