package ru.telecom.crm.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver's command line: what the run script passes (where the app and the cluster
 * are) and what the user asks for (scenarios as {@code name[:clients,…]},
 * {@code --smoke}, {@code --warmup=S}, {@code --duration=S}, {@code --ops=N},
 * {@code --settle=S}, {@code --agents=N}, {@code --engineers=N},
 * {@code --legacy-rows=N}, {@code --soak=S}, {@code --starts=N},
 * {@code --floor-engine=app|plain}, {@code --peer}, {@code --cleanup-rows=N},
 * {@code --clocks=N}, {@code --probes=N}, {@code --probe-spread=S} for {@code slaclocks});
 * {@code intake@R} is the intake at a fixed arrival rate of R requests a second; the data
 * set's size ({@code --closed=N}, {@code --open=N}), whether this run builds it
 * ({@code --build-data}) or finds it built ({@code --data-ready=true}). The engine floor's
 * database URL, models and forms, and the peer's class path and database come from the
 * run script too.
 */
record Options(String baseUrl, long appPid, long startupMs, String psql, String database, String legacyDatabase,
		Path mailDir, Path out, String javaOpts, boolean smoke, Map<String, List<Integer>> plans, double warmup,
		double duration, int operations, double settle, int agents, int engineers, int legacyRows, int closed,
		int open, boolean buildData, boolean dataReady, List<String> commandLine, double soak, int starts,
		String jar, String floorUrl, Path models, Path forms, boolean peer, String peerClasspath,
		String peerDatabase, String floorEngine, long cleanupRows, int clocks, int probes, double probeSpread) {

	static final List<String> SCENARIOS = List.of("intake", "lifecycle", "floor", "worklists", "channels", "search",
			"scrape", "start", "cleanup", SlaClocksRun.NAME);

	/**
	 * Run by the default plan: {@code start} restarts the app, only when asked for;
	 * {@code cleanup} loads a million rows and opens the app's cleanup window, so it runs
	 * only when named, and tiny in the smoke run; {@code slaclocks} opens 10,000 incidents
 * and waits for their alarms, so it runs only when named.
	 */
	private static final List<String> DEFAULT_PLAN = List.of("intake", "lifecycle", "floor", "worklists",
			"channels", "search", "scrape");

	/** What the run script passes, not part of the command the user typed. */
	private static final List<String> PLUMBING = List.of("base-url", "app-pid", "startup-ms", "psql", "database",
			"legacy-database", "mail-dir", "out", "java-opts", "closed", "open", "data-ready", "jar", "floor-url",
			"models", "forms", "peer-classpath", "peer-database");

	static Options parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		Map<String, List<Integer>> plans = new java.util.LinkedHashMap<>();
		List<String> commandLine = new ArrayList<>();
		boolean smoke = false;
		boolean buildData = false;
		boolean peer = false;
		for (String arg : args) {
			if (arg.equals("--smoke")) {
				smoke = true;
				commandLine.add(arg);
			}
			else if (arg.equals("--build-data")) {
				buildData = true;
			}
			else if (arg.equals("--peer")) {
				peer = true;
				commandLine.add(arg);
			}
			else if (arg.startsWith("--") && arg.contains("=")) {
				String key = arg.substring(2, arg.indexOf('='));
				values.put(key, arg.substring(arg.indexOf('=') + 1));
				if (!PLUMBING.contains(key)) {
					commandLine.add(arg);
				}
			}
			else if (!arg.startsWith("-")) {
				String name = arg.contains(":") ? arg.substring(0, arg.indexOf(':')) : arg;
				// intake@150: the open loop at 150 requests a second (OpenLoop)
				if (!SCENARIOS.contains(name.replaceFirst("@\\d+(\\.\\d+)?$", ""))) {
					throw new IllegalArgumentException("no scenario " + name + "; there are " + SCENARIOS);
				}
				List<Integer> clients = new ArrayList<>();
				if (arg.contains(":")) {
					for (String count : arg.substring(arg.indexOf(':') + 1).split(",")) {
						clients.add(Integer.parseInt(count.strip()));
					}
				}
				plans.put(name, clients);
				commandLine.add(arg);
			}
			else {
				throw new IllegalArgumentException("unknown option " + arg);
			}
		}
		if (plans.isEmpty() && !values.containsKey("soak")) {
			DEFAULT_PLAN.forEach((name) -> plans.put(name, List.of()));
			if (smoke) {
				plans.put("cleanup", List.of());
			}
		}
		return new Options(required(values, "base-url"), Long.parseLong(required(values, "app-pid")),
				Long.parseLong(values.getOrDefault("startup-ms", "-1")), required(values, "psql"),
				required(values, "database"), required(values, "legacy-database"),
				Path.of(required(values, "mail-dir")), Path.of(required(values, "out")),
				values.getOrDefault("java-opts", ""), smoke, plans,
				Double.parseDouble(values.getOrDefault("warmup", smoke ? "0" : "8")),
				Double.parseDouble(values.getOrDefault("duration", "12")),
				Integer.parseInt(values.getOrDefault("ops", "0")),
				Double.parseDouble(values.getOrDefault("settle", smoke ? "0" : "11")),
				Integer.parseInt(values.getOrDefault("agents", "16")),
				Integer.parseInt(values.getOrDefault("engineers", "8")),
				Integer.parseInt(values.getOrDefault("legacy-rows", "50000")),
				Integer.parseInt(values.getOrDefault("closed", "0")), Integer.parseInt(values.getOrDefault("open", "0")),
				buildData, Boolean.parseBoolean(values.getOrDefault("data-ready", "false")), commandLine,
				Double.parseDouble(values.getOrDefault("soak", "0")),
				Integer.parseInt(values.getOrDefault("starts", smoke ? "1" : "5")), values.getOrDefault("jar", ""),
				values.getOrDefault("floor-url", ""), Path.of(values.getOrDefault("models", "processes")),
				Path.of(values.getOrDefault("forms", "forms")), peer && !smoke,
				values.getOrDefault("peer-classpath", ""), values.getOrDefault("peer-database", ""),
				values.getOrDefault("floor-engine", "app"),
				Long.parseLong(values.getOrDefault("cleanup-rows", smoke ? "2000" : "1000000")),
				Integer.parseInt(values.getOrDefault("clocks", "10000")),
				Integer.parseInt(values.getOrDefault("probes", "480")),
				Double.parseDouble(values.getOrDefault("probe-spread", "120")));
	}

	/** How long a level runs: the smoke run does two operations a client. */
	Runner.Limit limit(int clients) {
		if (this.operations > 0) {
			return new Runner.Limit(0, this.operations);
		}
		return this.smoke ? new Runner.Limit(0, 2 * clients) : new Runner.Limit(this.duration, 0);
	}

	private static String required(Map<String, String> values, String key) {
		String value = values.get(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("--" + key + "= is required (src/bench/run passes it)");
		}
		return value;
	}

}
