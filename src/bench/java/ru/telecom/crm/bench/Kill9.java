package ru.telecom.crm.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code kill -9} of the app under intake, channel and lifecycle load, several times at
 * random moments, restarted on the same database each time while the clients keep going.
 * At each kill the jobs the dead process had locked are read and watched until they ran;
 * at the end, once every due job ran, the checks from the database.
 */
final class Kill9 implements FaultScenario {

	private static final int LEGACY_ROWS = 20_000;

	private final Api api;

	private final Psql psql;

	private final String database;

	private final String legacyDatabase;

	private final AppProcess app;

	private final Path appLog;

	private final Map<String, String> options;

	Kill9(FaultContext context) {
		this.api = context.api();
		this.psql = context.psql();
		this.database = context.database();
		this.legacyDatabase = context.legacyDatabase();
		this.app = context.app();
		this.appLog = context.appLog();
		this.options = context.options();
	}

	private int option(String name, int otherwise) {
		return Integer.parseInt(this.options.getOrDefault(name, Integer.toString(otherwise)));
	}

	/** Seconds between MIN and MAX of an option {@code MIN-MAX}. */
	private long seconds(Random random, String name, String otherwise) {
		String[] range = this.options.getOrDefault(name, otherwise).split("-");
		int low = Integer.parseInt(range[0]);
		int high = Integer.parseInt(range[range.length - 1]);
		return low + ((high > low) ? random.nextInt(high - low + 1) : 0);
	}

	@Override
	public Map<String, Object> run() throws Exception {
		long seed = Long.parseLong(this.options.getOrDefault("seed", Long.toString(System.nanoTime() % 1_000_000)));
		Random random = new Random(seed);
		int kills = option("kills", 3);
		System.out.printf("kill9: %d kills, seed %d%n", kills, seed);

		long launched = System.nanoTime();
		this.app.launch();
		this.app.awaitReady();
		System.out.printf("app ready after %d ms%n", (System.nanoTime() - launched) / 1_000_000);
		BenchUsers users = new BenchUsers(16, 8);
		LegacyRows.load(this.psql, this.legacyDatabase, LEGACY_ROWS);
		BenchDirectory.create(this.api, this.psql, this.database, users);

		FaultLoad load = new FaultLoad(this.api, new IntakeMix(LEGACY_ROWS), users);
		load.start(option("intake", 2), option("esb", 3), option("lifecycle", 2));
		StrandedJobs stranded = new StrandedJobs(this.psql, this.database);
		List<Map<String, Object>> killed = new ArrayList<>();
		Thread.sleep(seconds(random, "first-kill", "10-25") * 1000);
		for (int k = 1; k <= kills; k++) {
			long pid = this.app.pid();
			long killedAt = System.nanoTime();
			this.app.kill9();
			List<StrandedJobs.Job> jobs = stranded.lockedNow();
			System.out.printf("kill %d: kill -9 %d; %s acknowledged so far; %d jobs locked by the dead node%n", k, pid,
					load.acknowledged(), jobs.size());
			long launchedAt = System.nanoTime();
			this.app.launch();
			// watched from the launch: the job executor starts before the app says it is ready
			Thread watch = new Thread(() -> {
				long deadline = System.nanoTime() + 900_000_000_000L;
				while (!stranded.poll(jobs, killedAt) && System.nanoTime() < deadline) {
					try {
						Thread.sleep(250);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "faults-stranded");
			watch.start();
			this.app.awaitReady();
			long readyAt = System.nanoTime();
			System.out.printf("kill %d: app ready %d ms after its launch%n", k, (readyAt - launchedAt) / 1_000_000);
			watch.join();
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("pid", pid);
			one.put("restartLaunchedAfterKillMs", (launchedAt - killedAt) / 1_000_000);
			one.put("readyAfterLaunchMs", (readyAt - launchedAt) / 1_000_000);
			one.put("jobsLocked", jobs.size());
			List<Map<String, Object>> each = new ArrayList<>();
			long worst = 0;
			for (StrandedJobs.Job job : jobs) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("step", job.step);
				row.put("lockLeftAtKillMs", job.lockLeftMs);
				long afterLaunch = (job.doneAfterKillMs < 0) ? -1
						: job.doneAfterKillMs - (launchedAt - killedAt) / 1_000_000;
				row.put("doneAfterRestartMs", afterLaunch);
				row.put("doneAfterReadyMs",
						(job.doneAfterKillMs < 0) ? -1 : job.doneAfterKillMs - (readyAt - killedAt) / 1_000_000);
				row.put("failed", job.failed);
				each.add(row);
				worst = (afterLaunch < 0) ? Long.MAX_VALUE : Math.max(worst, afterLaunch);
			}
			one.put("strandedJobs", each);
			one.put("lastStrandedDoneAfterRestartMs", (worst == Long.MAX_VALUE) ? -1 : worst);
			killed.add(one);
			System.out.printf("kill %d: stranded jobs done %s ms after the restart%n", k,
					each.stream().map((row) -> String.valueOf(row.get("doneAfterRestartMs"))).toList());
			if (k < kills) {
				Thread.sleep(seconds(random, "between", "15-40") * 1000);
			}
		}
		Thread.sleep(option("after", 20) * 1000L);
		load.stop();
		System.out.printf("load stopped: %s%n", load.acknowledged());

		FaultChecks checks = new FaultChecks(this.psql, this.database);
		long drainStart = System.nanoTime();
		while (checks.dueJobs() > 0 && System.nanoTime() - drainStart < 600_000_000_000L) {
			Thread.sleep(500);
		}
		// the last mails' lines in the log
		Thread.sleep(1000);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("seed", seed);
		result.put("kills", killed);
		result.put("load", load.figures());
		result.put("checks", checks.check(load, this.appLog));
		result.put("passed", passed(result, killed));
		return result;
	}

	@SuppressWarnings("unchecked")
	private static boolean passed(Map<String, Object> result, List<Map<String, Object>> killed) {
		Map<String, Object> c = (Map<String, Object>) result.get("checks");
		boolean clean = is0(c, "lost") && is0(c, "duplicated") && is0(c, "statusDisagreesRequests")
				&& is0(c, "statusDisagreesIncidents") && is0(c, "mailsRecordedNotSent")
				&& is0(c, "mailsSentNotRecorded") && is0(c, "mailEventsRecordedTwice") && is0(c, "jobsDueLeft")
				&& is0(c, "jobsFailed");
		// issue 16's target: every stranded job done within 60 s of the restart
		boolean resumed = killed.stream().mapToLong((kill) -> ((Number) kill.get("lastStrandedDoneAfterRestartMs"))
			.longValue()).allMatch((ms) -> ms >= 0 && ms <= 60_000);
		return clean && resumed;
	}

	private static boolean is0(Map<String, Object> checks, String name) {
		return ((Number) checks.get(name)).longValue() == 0;
	}

	/** The run as a Markdown table, for FAULTS.md. */
	@Override
	@SuppressWarnings("unchecked")
	public String table(Map<String, Object> result) {
		Map<String, Object> c = (Map<String, Object>) result.get("checks");
		Map<String, Object> l = (Map<String, Object>) result.get("load");
		List<Map<String, Object>> kills = (List<Map<String, Object>>) result.get("kills");
		StringBuilder out = new StringBuilder();
		out.append("| kill | restart ready (s) | jobs locked by the dead node | each done after the restart (s) |\n");
		out.append("|---|---|---|---|\n");
		for (int i = 0; i < kills.size(); i++) {
			Map<String, Object> kill = kills.get(i);
			List<Map<String, Object>> jobs = (List<Map<String, Object>>) kill.get("strandedJobs");
			out.append(String.format(Locale.ROOT, "| %d | %.1f | %d | %s |%n", i + 1,
					((Number) kill.get("readyAfterLaunchMs")).longValue() / 1000.0, jobs.size(),
					jobs.isEmpty() ? "-"
							: String.join(", ", jobs.stream()
								.map((job) -> String.format(Locale.ROOT, "%.1f (%s)",
										((Number) job.get("doneAfterRestartMs")).longValue() / 1000.0,
										job.get("step")))
								.toList())));
		}
		out.append('\n');
		out.append("| check | result |\n|---|---|\n");
		row(out, "acknowledged: intakes / ESB messages / lifecycles (complete)",
				l.get("intakesAcknowledged") + " / " + l.get("esbAcknowledged") + " / " + l.get("lifecycles") + " ("
						+ l.get("lifecyclesComplete") + ")");
		row(out, "calls unanswered and retried (of them answered 5xx)",
				l.get("callsUnanswered") + " (" + l.get("callsAnswered5xx") + ")");
		row(out, "ESB messages retried with the same key / intakes found by search after no answer",
				l.get("esbRetriedWithSameKey") + " / " + l.get("intakesFoundBySearchAfterNoAnswer"));
		row(out, "other answers", l.get("errors").toString());
		row(out, "**lost** (acknowledged, not in the database)", c.get("lost"));
		row(out, "**duplicated** (requests / idempotency keys / status rows twice)", c.get("duplicated") + " ("
				+ c.get("requestsTwice") + " / " + c.get("idempotencyKeysTwice") + " / " + c.get("incidentStatusRowsTwice")
				+ ")");
		row(out, "status disagreeing with its item (requests / incidents)",
				c.get("statusDisagreesRequests") + " / " + c.get("statusDisagreesIncidents"));
		row(out, "mail events recorded / mails sent / sent twice with the same Message-ID",
				c.get("mailEventsRecorded") + " / " + c.get("mailsSent") + " / " + c.get("mailSentTwiceSameMessageId"));
		row(out, "mails recorded not sent / sent not recorded / events recorded twice",
				c.get("mailsRecordedNotSent") + " / " + c.get("mailsSentNotRecorded") + " / "
						+ c.get("mailEventsRecordedTwice"));
		row(out, "jobs left due / failed / engine incidents",
				c.get("jobsDueLeft") + " / " + c.get("jobsFailed") + " / " + c.get("engineIncidents"));
		row(out, "passed", result.get("passed"));
		return out.toString();
	}

	private static void row(StringBuilder out, String name, Object value) {
		out.append("| ").append(name).append(" | ").append(value).append(" |\n");
	}

}
