package ru.telecom.crm.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SLA clocks' timeliness ({@code slaclocks}, issue 15): with {@code --clocks=N}
 * (10,000) incidents open, each with its clock process and its timer waiting, is every
 * warning and breach recorded within 60 s of its due instant?
 * <p>
 * An administrator imports the demo's policies with one changed: service 2001 (work group
 * 200, around the clock) at {@code CRITICAL} gets a response target of 2 working minutes,
 * a resolution target of 4, the warning at half of each and one escalation level (the
 * engineer). Then {@code clocks − probes} incidents of service 1001 at {@code NORMAL}
 * open (their alarms hours ahead: the timers that wait), and {@code --probes=N} (480)
 * incidents of service 2001 at {@code CRITICAL}, at an even pace over
 * {@code --probe-spread=S} (120 s). Each probe's six alarms (response warning at 1 min,
 * breach at 2, level 1 at 2.5; resolution warning at 2, breach at 4, level 1 at 5) fall
 * due while all the clocks are open. The driver waits until the last probe's last alarm
 * is 90 s past, then reads {@code incident_sla_alarm}: each alarm's lateness is its
 * {@code sounded_at} (the step that recorded it) minus its {@code due_at}. Missing alarms
 * are errors.
 */
final class SlaClocksRun {

	static final String NAME = "slaclocks";

	private static final int BACKGROUND_SERVICE = 1001;

	private static final int PROBE_SERVICE = 2001;

	private static final Pattern PROBE_POLICY = Pattern
		.compile("\\{\"service\":" + PROBE_SERVICE + ",\"priority\":\"CRITICAL\",[^}]*\\}");

	private static final String SHORT_POLICY = "{\"service\":" + PROBE_SERVICE
			+ ",\"priority\":\"CRITICAL\",\"responseMinutes\":2,\"resolutionMinutes\":4,\"warnAt\":0.5,"
			+ "\"escalation\":[\"ENGINEER\"]}";

	/** Alarms per probe: a warning, a breach and one level for each of the two targets. */
	private static final int ALARMS_PER_PROBE = 6;

	/** After the last probe opened: its last alarm (5 min) and a margin. */
	private static final Duration LAST_ALARM = Duration.ofMinutes(5).plusSeconds(90);

	private final Api api;

	private final Psql psql;

	private final String database;

	private final BenchUsers users;

	private final IntakeMix mix;

	private final int clocks;

	private final int probes;

	private final double spreadSeconds;

	SlaClocksRun(Api api, Psql psql, String database, BenchUsers users, IntakeMix mix, int clocks, int probes,
			double spreadSeconds) {
		this.api = api;
		this.psql = psql;
		this.database = database;
		this.users = users;
		this.mix = mix;
		this.clocks = clocks;
		this.probes = Math.min(probes, clocks);
		this.spreadSeconds = spreadSeconds;
	}

	Map<String, Object> run() throws InterruptedException {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("clocks", this.clocks);
		figures.put("probes", this.probes);
		importShortPolicy();

		long started = System.nanoTime();
		AtomicInteger failed = new AtomicInteger();
		openAll(this.clocks - this.probes, 8, 0, BACKGROUND_SERVICE, "NORMAL", failed, null);
		double backgroundSeconds = (System.nanoTime() - started) / 1e9;
		figures.put("backgroundOpenedSeconds", round(backgroundSeconds));
		System.out.printf(Locale.ROOT, "%s: %d incidents open with their clocks in %.1f s (%d failed)%n", NAME,
				this.clocks - this.probes, backgroundSeconds, failed.get());

		List<Long> probeIds = java.util.Collections.synchronizedList(new ArrayList<>());
		long pace = (long) (this.spreadSeconds * 1e9 / Math.max(1, this.probes));
		openAll(this.probes, 4, pace, PROBE_SERVICE, "CRITICAL", failed, probeIds);
		figures.put("openFailures", failed.get());
		long open = count("select count(*) from incident where status <> 'CLOSED'");
		long clocked = count("select count(*) from act_ru_execution where parent_id_ is null and proc_def_id_ like "
				+ "'IncidentSlaClock:%'");
		figures.put("openIncidents", open);
		figures.put("runningClocks", clocked);
		System.out.printf(Locale.ROOT, "%s: %d probes opened over %.0f s; %d incidents open, %d clocks running%n", NAME,
				probeIds.size(), this.spreadSeconds, open, clocked);

		long waitMillis = LAST_ALARM.toMillis();
		System.out.printf(Locale.ROOT, "%s: waiting %d s for the last probe's alarms%n", NAME, waitMillis / 1000);
		Thread.sleep(waitMillis);

		String ids = probeIds.isEmpty() ? "0" : String.join(",", probeIds.stream().map(String::valueOf).toList());
		List<String[]> rows = this.psql.query(this.database,
				"select alarm_key, extract(epoch from sounded_at - due_at) from incident_sla_alarm where incident_id in ("
						+ ids + ")");
		long expected = (long) probeIds.size() * ALARMS_PER_PROBE;
		figures.put("alarmsExpected", expected);
		figures.put("alarmsRecorded", rows.size());
		Map<String, Object> byKind = new LinkedHashMap<>();
		for (String kind : List.of("WARNING", "BREACH", "ESCALATION")) {
			double[] lateness = rows.stream()
				.filter((row) -> row[0].contains(":" + kind + ":"))
				.mapToDouble((row) -> Double.parseDouble(row[1]))
				.sorted()
				.toArray();
			byKind.put(kind, spread(lateness));
		}
		figures.put("latenessSeconds", byKind);
		long overAMinute = rows.stream()
			.filter((row) -> !row[0].contains(":ESCALATION:"))
			.filter((row) -> Double.parseDouble(row[1]) > 60)
			.count();
		figures.put("warningsAndBreachesLaterThan60s", overAMinute);
		System.out.printf(Locale.ROOT, "%s: %d of %d alarms recorded; lateness in s %s; warnings and breaches "
				+ "later than 60 s: %d%n", NAME, rows.size(), expected, byKind, overAMinute);
		figures.put("errors", failed.get() + (expected - rows.size()));
		return figures;
	}

	/** Errors of the run: failed opens and missing alarms. */
	static long errors(Map<String, Object> figures) {
		return ((Number) figures.get("errors")).longValue();
	}

	private void importShortPolicy() {
		Api.Response setup = this.api.get("admin", "/api/admin/sla");
		check(setup, 200, "read the service levels");
		Matcher policy = PROBE_POLICY.matcher(setup.body());
		if (!policy.find()) {
			throw new IllegalStateException("no policy for service " + PROBE_SERVICE + " at CRITICAL in "
					+ setup.body().substring(0, Math.min(300, setup.body().length())));
		}
		String changed = setup.body().substring(0, policy.start()) + SHORT_POLICY + setup.body().substring(policy.end());
		check(this.api.put("admin", "/api/admin/sla", changed), 200, "import the short policy");
	}

	/**
	 * Opens {@code count} incidents (a request and its incident each) on {@code threads}
	 * threads, one every {@code paceNanos} at most (0: as fast as they go).
	 */
	private void openAll(int count, int threads, long paceNanos, int service, String priority, AtomicInteger failed,
			List<Long> ids) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			workers.add(pool.submit(() -> {
				String agent = this.users.agent(thread);
				for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
					if (paceNanos > 0) {
						long due = start + n * paceNanos;
						long wait = due - System.nanoTime();
						if (wait > 0) {
							TimeUnit.NANOSECONDS.sleep(wait);
						}
					}
					try {
						String body = this.mix.known("Clock " + n).replace("\"NORMAL\"", Json.quote(priority));
						Api.Response request = this.api.post(agent, "/api/service-requests", body);
						check(request, 201, "open a request");
						Api.Response incident = this.api.post(agent,
								"/api/service-requests/" + Json.number(request.body(), "id") + "/incident",
								"{\"serviceCode\":" + service + "}");
						check(incident, 201, "open an incident");
						if (ids != null) {
							ids.add(Json.number(incident.body(), "id"));
						}
					}
					catch (RuntimeException ex) {
						if (failed.incrementAndGet() <= 3) {
							System.out.println(NAME + ": " + ex.getMessage());
						}
					}
				}
				return null;
			}));
		}
		pool.shutdown();
		for (Future<?> worker : workers) {
			try {
				worker.get();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				throw new IllegalStateException(ex.getCause());
			}
		}
	}

	private long count(String sql) {
		return Long.parseLong(this.psql.query(this.database, sql).get(0)[0]);
	}

	private static Map<String, Object> spread(double[] sorted) {
		Map<String, Object> spread = new LinkedHashMap<>();
		spread.put("count", sorted.length);
		if (sorted.length > 0) {
			spread.put("p50", round(quantile(sorted, 0.5)));
			spread.put("p99", round(quantile(sorted, 0.99)));
			spread.put("max", round(sorted[sorted.length - 1]));
			spread.put("min", round(sorted[0]));
		}
		return spread;
	}

	private static double quantile(double[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private static void check(Api.Response response, int status, String what) {
		if (response.status() != status) {
			throw new IllegalStateException("could not " + what + ": " + response.status() + " "
					+ response.body().substring(0, Math.min(200, response.body().length())));
		}
	}

}
