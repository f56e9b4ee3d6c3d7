package ru.telecom.crm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault harness's driver (src/bench/faults): starts the app itself (so that it can
 * kill and restart it), creates the bench users and LegacyDB rows as the benchmark does,
 * runs a fault scenario and writes its figures to {@code <out>/<scenario>-<UTC time>.json}
 * (and {@code -latest.json}). Exit 1 when a check failed.
 */
public final class Faults {

	/** The scenarios, as {@code src/bench/faults <name>} takes them. */
	static final List<String> SCENARIOS = List.of("kill9", "nodes", "pg-restart", "mail-down", "legacy-down",
			"clickhouse-down", "keycloak-down", "backup", "soak");

	private Faults() {
	}

	private static FaultScenario scenario(String name, FaultContext context) {
		return switch (name) {
			case "kill9" -> new Kill9(context);
			case "nodes" -> new Nodes(context);
			case "pg-restart" -> new PgRestart(context);
			case "backup" -> new BackupDrill(context);
			case "soak" -> new SteadySoak(context);
			case "mail-down" -> new MailDown(context);
			case "legacy-down" -> new LegacyDown(context);
			case "clickhouse-down" -> new ClickHouseDown(context);
			case "keycloak-down" -> new KeycloakDown(context);
			default -> throw new IllegalArgumentException(name);
		};
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		List<String> scenarios = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("--")) {
				int equals = arg.indexOf('=');
				options.put(arg.substring(2, (equals < 0) ? arg.length() : equals),
						(equals < 0) ? "true" : arg.substring(equals + 1));
			}
			else {
				scenarios.add(arg);
			}
		}
		if (scenarios.size() != 1 || !SCENARIOS.contains(scenarios.get(0))) {
			System.err.println("one scenario of: " + String.join(", ", SCENARIOS));
			System.exit(2);
		}
		String name = scenarios.get(0);
		Api api = new Api(options.get("base-url"));
		Psql psql = new Psql(options.get("psql"));
		Path out = Path.of(options.get("out"));
		List<String> appArgs = new ArrayList<>();
		if (options.containsKey("lock-time")) {
			appArgs.add("--camunda.bpm.job-execution.lock-time-in-millis=" + options.get("lock-time"));
		}
		if (name.equals("soak")) {
			// heap used, for the soak's samples
			appArgs.add("--management.endpoints.web.exposure.include=health,info,metrics");
		}
		AppProcess app = new AppProcess(options.get("jar"), options.getOrDefault("java-opts", ""), appArgs,
				Path.of(options.get("app-log")), Path.of(options.get("out")).resolve("pids").resolve("app.pid"), api,
				Integer.parseInt(options.getOrDefault("ready-seconds", "300")));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				app.stop();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));

		FaultContext context = new FaultContext(api, psql, options.get("database"), options.get("legacy-database"), app,
				Path.of(options.get("app-log")), out, options.get("pg-bin"), Path.of(options.get("pg-data")),
				Integer.parseInt(options.get("pg-port")), options);
		FaultScenario scenario = scenario(name, context);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("scenario", name);
		result.put("commandLine", name + " " + String.join(" ", args)
			.replaceAll("--(base-url|psql|database|legacy-database|mail-dir|out|app-log|jar|java-opts|ready-seconds"
					+ "|pg-bin|pg-data|pg-port|restored-port|root)=\\S*\\s?", "")
			.replace(name, "")
			.trim());
		result.put("lockTimeMs", options.getOrDefault("lock-time", "app default"));
		result.putAll(scenario.run());
		app.stop();

		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		String json = Json.write(result);
		Files.writeString(out.resolve(name + "-" + stamp + ".json"), json);
		Files.writeString(out.resolve(name + "-latest.json"), json);
		System.out.println();
		System.out.println(scenario.table(result));
		System.out.println("results: " + out.resolve(name + "-" + stamp + ".json"));
		System.exit(Boolean.TRUE.equals(result.get("passed")) ? 0 : 1);
	}

}
