package ru.telecom.crm.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures on the console: a table per scenario, then what its operations are made of.
 */
final class Report {

	private static final String HEADER = "%7s %7s %8s %7s %7s %7s %7s %6s %8s %6s %9s %9s %7s %9s %9s";

	private final PrintStream out;

	Report(PrintStream out) {
		this.out = out;
	}

	void scenario(Scenario scenario, double warmup, String limit) {
		this.out.printf(Locale.ROOT, "%n== %s: one operation = one %s; warm-up %.0f s excluded; each level %s%n",
				scenario.name(), scenario.unit(), warmup, limit);
		this.out.printf(Locale.ROOT, HEADER + "%n", "clients", "ops", "ops/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
				"errors", "SQL/op", "tx/op", "commit/op", "legSQL/op", "mail/op", "appCPU/op", "pgCPU/op");
	}

	void level(Level level) {
		Map<String, Object> latency = level.phase().tally().operations.summary();
		this.out.printf(Locale.ROOT,
				"%7d %7d %8.1f %7.1f %7.1f %7.1f %7.1f %6d %8.1f %6.1f %9s %9.2f %7.2f %7.1fms %7.1fms%n",
				level.phase().clients(), level.operations(), level.phase().throughput(), latency.get("p50"),
				latency.get("p90"), latency.get("p99"), latency.get("max"), level.phase().tally().errorCount(),
				level.statements(), level.transactions(),
				level.settled() ? String.format(Locale.ROOT, "%.2f", level.commits()) : "n/a",
				level.perOperation(level.sql().legacyCalls()), level.perOperation(level.mails()),
				level.perOperation(level.appCpuSeconds() * 1000), level.perOperation(level.pgCpuSeconds() * 1000));
		if (level.phase().tally().firstError != null) {
			this.out.println("        first error: " + level.phase().tally().firstError);
		}
	}

	/** Per-step latencies and the statement kinds of the scenario's last level. */
	void details(Level level) {
		Tally tally = level.phase().tally();
		if (tally.steps.size() > 1) {
			this.out.printf("  steps at %d clients (ms):%n", level.phase().clients());
			tally.steps.forEach((name, latencies) -> {
				Map<String, Object> s = latencies.summary();
				this.out.printf(Locale.ROOT, "    %-28s n %6d  p50 %7.1f  p90 %7.1f  p99 %7.1f  max %7.1f%n", name,
						s.get("count"), s.get("p50"), s.get("p90"), s.get("p99"), s.get("max"));
			});
		}
		this.out.printf(Locale.ROOT, "  statements per %s at %d clients, by kind (of %.1f; %s):%n",
				level.scenario().unit(), level.phase().clients(), level.statements(), verbs(level));
		List<Map.Entry<String, Long>> kinds = level.topKinds(14);
		for (int i = 0; i < kinds.size(); i += 2) {
			StringBuilder line = new StringBuilder("   ");
			for (int j = i; j < Math.min(i + 2, kinds.size()); j++) {
				line.append(String.format(Locale.ROOT, " %6.1f  %-36s", level.perOperation(kinds.get(j).getValue()),
						kinds.get(j).getKey()));
			}
			this.out.println(line.toString().stripTrailing());
		}
	}

	private static String verbs(Level level) {
		StringBuilder verbs = new StringBuilder();
		level.sql().ourVerbs().forEach((verb, count) -> {
			if (verbs.length() > 0) {
				verbs.append(", ");
			}
			verbs.append(verb).append(' ').append(String.format(Locale.ROOT, "%.1f", level.perOperation(count)));
		});
		return verbs.toString();
	}

}
