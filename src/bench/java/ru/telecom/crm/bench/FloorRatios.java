package ru.telecom.crm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lifecycle as a ratio to the engine floor at each client count both ran at: its rate
 * as a share of the floor's (issue 12's target: at least 60 % at 4 clients), its
 * statements and commits as multiples of the floor's.
 */
final class FloorRatios {

	private FloorRatios() {
	}

	/**
	 * Prints the ratios and returns them, one map per client count (none without both).
	 */
	static List<Map<String, Object>> print(List<Level> levels) {
		List<Map<String, Object>> ratios = new ArrayList<>();
		for (Level lifecycle : levels) {
			if (!lifecycle.scenario().name().equals("lifecycle")) {
				continue;
			}
			for (Level floor : levels) {
				if (floor.scenario().name().equals("floor") && floor.phase().clients() == lifecycle.phase().clients()) {
					ratios.add(ratio(lifecycle, floor));
				}
			}
		}
		if (!ratios.isEmpty()) {
			System.out.printf("%n== lifecycle / engine floor%n");
			System.out.printf(Locale.ROOT, "%7s %16s %8s %18s %8s %20s %8s%n", "clients", "ops/s (lc/floor)", "rate",
					"SQL/op (lc/floor)", "SQL", "commit/op (lc/floor)", "commits");
			for (Map<String, Object> ratio : ratios) {
				System.out.printf(Locale.ROOT, "%7d %7.1f / %6.1f %7.1f%% %8.1f / %7.1f %7.2fx %9s / %8s %8s%n",
						ratio.get("clients"), ratio.get("lifecyclePerSecond"), ratio.get("floorPerSecond"),
						100 * (Double) ratio.get("rate"), ratio.get("lifecycleSqlStatements"),
						ratio.get("floorSqlStatements"), ratio.get("sqlStatements"),
						settled(ratio.get("lifecycleCommits"), ""), settled(ratio.get("floorCommits"), ""),
						settled(ratio.get("commits"), "x"));
			}
		}
		return ratios;
	}

	/** A commit figure, or n/a before PostgreSQL flushed the counts. */
	private static String settled(Object value, String unit) {
		double number = (Double) value;
		return Double.isNaN(number) ? "n/a" : String.format(Locale.ROOT, "%.2f%s", number, unit);
	}

	private static Map<String, Object> ratio(Level lifecycle, Level floor) {
		Map<String, Object> ratio = new LinkedHashMap<>();
		ratio.put("clients", lifecycle.phase().clients());
		ratio.put("lifecyclePerSecond", lifecycle.phase().throughput());
		ratio.put("floorPerSecond", floor.phase().throughput());
		ratio.put("rate", lifecycle.phase().throughput() / floor.phase().throughput());
		ratio.put("lifecycleSqlStatements", lifecycle.statements());
		ratio.put("floorSqlStatements", floor.statements());
		ratio.put("sqlStatements", lifecycle.statements() / floor.statements());
		// commits only once PostgreSQL has flushed them (not in a smoke run)
		boolean settled = lifecycle.settled() && floor.settled();
		ratio.put("lifecycleCommits", settled ? lifecycle.commits() : Double.NaN);
		ratio.put("floorCommits", settled ? floor.commits() : Double.NaN);
		ratio.put("commits", settled ? lifecycle.commits() / floor.commits() : Double.NaN);
		return ratio;
	}

}
