package ru.telecom.crm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bare Camunda app of {@code ../shared/bench-peer} (its README): start → service →
 * two user tasks → service, history full, driven by its own driver in its own JVM on a
 * database of the bench cluster, at the lifecycle's client counts. Its figures come from
 * its result lines: lifecycles per second, the lifecycle's latency, and per lifecycle its
 * statements ({@code pg_stat_statements}) and commits ({@code pg_stat_database}), read
 * the same way as ours, after its own settle.
 */
final class Peer {

	private Peer() {
	}

	/** Runs it; one map per client count, or the reason it did not run. */
	static List<Map<String, Object>> run(Options options, List<Integer> clients) throws InterruptedException {
		Path folder = options.out().resolve("peer");
		Path results = folder.resolve("results.jsonl");
		Path log = folder.resolve("peer.log");
		List<String> command = new ArrayList<>(
				List.of("java", "-cp", options.peerClasspath(), "bench.BareCamundaApplication",
						"--bench.mode=lifecycle", "--spring.profiles.active=pg", "--bench.label=harness",
						"--bench.threads=" + clients.stream().map(String::valueOf).collect(Collectors.joining(",")),
						"--bench.duration-s=" + Math.round(Math.max(1, options.duration())),
						"--bench.warmup-s=" + Math.round(options.warmup()),
						"--bench.settle-ms=" + Math.round(options.settle() * 1000), "--bench.results-file=" + results));
		try {
			Files.deleteIfExists(results);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("PG_HOST", System.getenv("PGHOST"));
			builder.environment().put("PG_PORT", System.getenv("PGPORT"));
			builder.environment().put("PG_USER", System.getenv("PGUSER"));
			builder.environment().put("PG_PASSWORD", System.getenv("PGPASSWORD"));
			builder.environment().put("PG_DB", options.peerDatabase());
			Process process = builder.start();
			double seconds = options.warmup() + clients.size() * (options.duration() + 2 * options.settle()) + 30;
			try (Progress progress = new Progress("peer (bare engine)", seconds, true, null)) {
				int status = process.waitFor();
				if (status != 0) {
					return List.of(Map.of("error", "the peer exited with " + status + ", see " + log));
				}
			}
			List<Map<String, Object>> levels = new ArrayList<>();
			for (String line : Files.readAllLines(results)) {
				if (line.contains("\"kind\":\"lifecycle\"") || line.contains("\"kind\": \"lifecycle\"")) {
					levels.add(level(line));
				}
			}
			return levels;
		}
		catch (IOException ex) {
			return List.of(Map.of("error", ex.toString()));
		}
	}

	private static Map<String, Object> level(String line) {
		Map<String, Object> level = new LinkedHashMap<>();
		level.put("clients", Json.number(line, "threads"));
		level.put("operations", Json.number(line, "lifecycles"));
		level.put("errors", Json.number(line, "errors"));
		level.put("throughputPerSecond", Json.decimal(line, "lifecyclesPerSec"));
		String latency = after(line, "\"lifecycle\":");
		level.put("latencyMs", Map.of("p50", Json.decimal(latency, "p50"), "p90", Json.decimal(latency, "p90"), "p99",
				Json.decimal(latency, "p99"), "max", Json.decimal(latency, "max")));
		String per = after(line, "\"pgPerLifecycle\"");
		level.put("sqlStatements", Json.decimal(per, "stmt_total"));
		level.put("transactions", Json.decimal(per, "stmt_begin"));
		level.put("commits", Json.decimal(per, "xact_commit"));
		level.put("walBytes", Json.decimal(per, "wal_bytes"));
		level.put("result", line);
		return level;
	}

	private static String after(String text, String marker) {
		int at = text.replace(": ", ":").indexOf(marker);
		return (at < 0) ? "" : text.replace(": ", ":").substring(at);
	}

	/** The peer's rows on the console. */
	static void print(List<Map<String, Object>> levels) {
		System.out.printf("%n== peer: the bare Camunda app of ../shared/bench-peer (its own driver and JVM)%n");
		System.out.printf(Locale.ROOT, "%7s %7s %8s %7s %7s %7s %6s %8s %9s%n", "clients", "ops", "ops/s", "p50 ms",
				"p99 ms", "max ms", "errors", "SQL/op", "commit/op");
		for (Map<String, Object> level : levels) {
			if (level.containsKey("error")) {
				System.out.println("  " + level.get("error"));
				continue;
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> latency = (Map<String, Object>) level.get("latencyMs");
			System.out.printf(Locale.ROOT, "%7d %7d %8.1f %7.1f %7.1f %7.1f %6d %8.1f %9.2f%n", level.get("clients"),
					level.get("operations"), level.get("throughputPerSecond"), latency.get("p50"), latency.get("p99"),
					latency.get("max"), level.get("errors"), level.get("sqlStatements"), level.get("commits"));
		}
	}

}
