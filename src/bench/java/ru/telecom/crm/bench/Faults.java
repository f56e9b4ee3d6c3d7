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

	private Faults() {
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
		if (!scenarios.equals(List.of("kill9"))) {
			System.err.println("scenarios: kill9 (the others of issue 16 are to come)");
			System.exit(2);
		}
		Api api = new Api(options.get("base-url"));
		Psql psql = new Psql(options.get("psql"));
		Path out = Path.of(options.get("out"));
		List<String> appArgs = new ArrayList<>();
		if (options.containsKey("lock-time")) {
			appArgs.add("--camunda.bpm.job-execution.lock-time-in-millis=" + options.get("lock-time"));
		}
		AppProcess app = new AppProcess(options.get("jar"), options.getOrDefault("java-opts", ""), appArgs,
				Path.of(options.get("app-log")), Path.of(options.get("app-pid-file")), api,
				Integer.parseInt(options.getOrDefault("ready-seconds", "300")));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				app.stop();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));

		Kill9 scenario = new Kill9(api, psql, options.get("database"), options.get("legacy-database"), app,
				Path.of(options.get("app-log")), options);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("scenario", "kill9");
		result.put("commandLine", String.join(" ", args).replaceAll("--(base-url|psql|database|legacy-database|"
				+ "mail-dir|out|app-log|app-pid-file|jar|java-opts|ready-seconds)=\\S*\\s?", "").trim());
		result.put("lockTimeMs", options.getOrDefault("lock-time", "app default"));
		result.putAll(scenario.run());
		app.stop();

		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		String json = Json.write(result);
		Files.writeString(out.resolve("kill9-" + stamp + ".json"), json);
		Files.writeString(out.resolve("kill9-latest.json"), json);
		System.out.println();
		System.out.println(scenario.table(result));
		System.out.println("results: " + out.resolve("kill9-" + stamp + ".json"));
		System.exit(Boolean.TRUE.equals(result.get("passed")) ? 0 : 1);
	}

}
