package ru.telecom.crm.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL stopped and started again under intake, channel and lifecycle load, the app
 * left running: it must reconnect by itself (no restart of ours), and every acknowledged
 * operation must be there afterwards. The stops alternate between {@code fast} (an
 * operator's restart: sessions ended, a checkpoint) and {@code immediate} (a crash: the
 * server recovers from its write-ahead log at start). Jobs the app held while the server
 * went away are watched until they ran, as the kill -9 scenario watches a dead node's.
 */
final class PgRestart implements FaultScenario {

	private final FaultContext context;

	PgRestart(FaultContext context) {
		this.context = context;
	}

	@Override
	public Map<String, Object> run() throws Exception {
		int restarts = this.context.option("restarts", 2);
		int down = this.context.option("down", 10);
		int between = this.context.option("between", 30);
		System.out.printf("pg-restart: %d restarts, %d s down each%n", restarts, down);
		BenchUsers users = this.context.prepare();
		long appPid = this.context.app().pid();

		FaultLoad load = new FaultLoad(this.context.api(), new IntakeMix(FaultContext.LEGACY_ROWS), users);
		load.start(this.context.option("intake", 2), this.context.option("esb", 3),
				this.context.option("lifecycle", 2));
		StrandedJobs stranded = new StrandedJobs(this.context.psql(), this.context.database());
		List<Map<String, Object>> each = new ArrayList<>();
		Thread.sleep(between * 1000L);
		for (int r = 1; r <= restarts; r++) {
			String mode = (r % 2 == 1) ? "fast" : "immediate";
			List<StrandedJobs.Job> jobs = stranded.lockedNow();
			int acknowledgedBefore = acknowledged(load);
			long stopAt = System.nanoTime();
			pgCtl("stop", "-m", mode);
			long stoppedAt = System.nanoTime();
			System.out.printf("restart %d: PostgreSQL stopped (%s) in %d ms; %s acknowledged so far%n", r, mode,
					(stoppedAt - stopAt) / 1_000_000, load.acknowledged());
			Thread.sleep(down * 1000L);
			long startAt = System.nanoTime();
			pgCtl("start", "-l", this.context.pgData().getParent().resolve("server.log").toString(), "-o",
					"-p " + this.context.pgPort());
			long startedAt = System.nanoTime();
			long healthyAt = awaitHealthy(startedAt);
			long acknowledgedAt = awaitAcknowledgement(load, acknowledgedBefore, startedAt);
			while (!stranded.poll(jobs, stopAt) && System.nanoTime() - startedAt < 300_000_000_000L) {
				Thread.sleep(250);
			}
			long worst = jobs.stream()
				.mapToLong((job) -> (job.doneAfterKillMs < 0) ? Long.MAX_VALUE
						: Math.max(0, job.doneAfterKillMs - (startedAt - stopAt) / 1_000_000))
				.max()
				.orElse(0);
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("mode", mode);
			one.put("downMs", (startedAt - stoppedAt) / 1_000_000);
			one.put("startMs", (startedAt - startAt) / 1_000_000);
			one.put("appHealthyAfterStartMs", (healthyAt - startedAt) / 1_000_000);
			one.put("firstAcknowledgementAfterStartMs", (acknowledgedAt - startedAt) / 1_000_000);
			one.put("jobsLockedAtStop", jobs.size());
			one.put("lastJobDoneAfterStartMs", (worst == Long.MAX_VALUE) ? -1 : worst);
			each.add(one);
			System.out.printf("restart %d: app healthy %d ms and acknowledging %d ms after the server's start; "
					+ "%d jobs it held done within %d ms%n", r, (healthyAt - startedAt) / 1_000_000,
					(acknowledgedAt - startedAt) / 1_000_000, jobs.size(), worst);
			Thread.sleep(between * 1000L);
		}
		load.stop();
		System.out.printf("load stopped: %s%n", load.acknowledged());
		boolean sameProcess = this.context.app().pid() == appPid && this.context.app().alive();

		FaultChecks checks = new FaultChecks(this.context.psql(), this.context.database());
		checks.drain();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("restarts", each);
		result.put("appKeptRunning", sameProcess);
		result.put("load", load.figures());
		Map<String, Object> found = checks.check(load, this.context.appLog());
		result.put("checks", found);
		boolean reconnected = each.stream()
			.allMatch((one) -> ((Number) one.get("firstAcknowledgementAfterStartMs")).longValue() >= 0
					&& ((Number) one.get("lastJobDoneAfterStartMs")).longValue() >= 0
					&& ((Number) one.get("lastJobDoneAfterStartMs")).longValue() <= 60_000);
		result.put("passed", sameProcess && reconnected && FaultChecks.clean(found));
		return result;
	}

	private static int acknowledged(FaultLoad load) {
		return load.intakes.size() + load.esbs.size() + load.lifecycles.size();
	}

	/** The cluster's {@code pg_ctl}, as the cluster's owner (postgres when we are root). */
	private void pgCtl(String action, String... options) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.addAll(List.of(Path.of(this.context.pgBin(), "pg_ctl").toString(), action, "-D",
				this.context.pgData().toString(), "-w"));
		command.addAll(List.of(options));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("pg_ctl " + action + " failed (" + process.exitValue() + ")");
		}
	}

	/** When {@code /actuator/health} (with the database) said UP again. */
	private long awaitHealthy(long since) throws InterruptedException {
		while (System.nanoTime() - since < 300_000_000_000L) {
			Api.Response health = this.context.api().anonymous("/actuator/health");
			if (health.status() == 200 && health.body().contains("\"UP\"")) {
				return System.nanoTime();
			}
			Thread.sleep(100);
		}
		return -1;
	}

	/** When the clients' first acknowledgement after the server's return came. */
	private static long awaitAcknowledgement(FaultLoad load, int before, long since) throws InterruptedException {
		while (System.nanoTime() - since < 300_000_000_000L) {
			if (acknowledged(load) > before) {
				return System.nanoTime();
			}
			Thread.sleep(50);
		}
		return since - 1_000_000;
	}

	@Override
	@SuppressWarnings("unchecked")
	public String table(Map<String, Object> result) {
		StringBuilder out = new StringBuilder();
		out.append("| restart | stop | down (s) | app healthy after the start (s) | first acknowledgement (s) "
				+ "| jobs the app held / last done after the start (s) |\n|---|---|---|---|---|---|\n");
		List<Map<String, Object>> restarts = (List<Map<String, Object>>) result.get("restarts");
		for (int i = 0; i < restarts.size(); i++) {
			Map<String, Object> one = restarts.get(i);
			out.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f | %d / %.1f |%n", i + 1,
					one.get("mode"), seconds(one, "downMs"), seconds(one, "appHealthyAfterStartMs"),
					seconds(one, "firstAcknowledgementAfterStartMs"), one.get("jobsLockedAtStop"),
					seconds(one, "lastJobDoneAfterStartMs")));
		}
		out.append('\n');
		out.append(FaultTables.checks(result));
		FaultTables.row(out, "the app kept running (same process, no restart)", result.get("appKeptRunning"));
		FaultTables.row(out, "passed", result.get("passed"));
		return out.toString();
	}

	private static double seconds(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).longValue() / 1000.0;
	}

}
