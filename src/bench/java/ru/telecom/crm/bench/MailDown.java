package ru.telecom.crm.bench;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mail server down for a while (5 minutes) under intake, channel and lifecycle load:
 * the app mails through a real SMTP server of the harness ({@link SmtpSink}), which stops
 * (connections refused) and comes back on the same port. Every mail must reach it after,
 * each Message-ID once, and the mails that waited through the outage must be out within
 * the retry cap (2 minutes) of the return: the figure is, for the mail jobs that were
 * waiting when it came back, how long after its return each mail came.
 */
final class MailDown implements FaultScenario {

	private static final int LEGACY_ROWS = 20_000;

	private final FaultContext context;

	MailDown(FaultContext context) {
		this.context = context;
	}

	@Override
	public Map<String, Object> run() throws Exception {
		int down = this.context.option("down", 300);
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		SmtpSink sink = new SmtpSink(port);
		sink.start();
		List<String> arguments = new ArrayList<>(List.of("--crm.mail.transport=smtp", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + port));
		// the retry settings of this run (shared.JobRetries), e.g. the waits before the cap
		for (String name : List.of("first", "at-most", "for")) {
			String value = this.context.options().get("retry-" + name);
			if (value != null) {
				arguments.add("--crm.jobs.retry." + name + "=" + value);
			}
		}
		this.context.app().addArguments(arguments);
		System.out.printf("mail-down: SMTP on 127.0.0.1:%d, down for %d s%n", port, down);

		AppProcess app = this.context.app();
		app.launch();
		app.awaitReady();
		BenchUsers users = new BenchUsers(16, 8);
		LegacyRows.load(this.context.psql(), this.context.legacyDatabase(), LEGACY_ROWS);
		BenchDirectory.create(this.context.api(), this.context.psql(), this.context.database(), users);
		FaultLoad load = new FaultLoad(this.context.api(), new IntakeMix(LEGACY_ROWS), users);
		load.start(this.context.option("intake", 1), this.context.option("esb", 1),
				this.context.option("lifecycle", 3));

		Thread.sleep(this.context.option("before", 30) * 1000L);
		int sentBefore = sink.received.size();
		sink.stop();
		long downAt = System.nanoTime();
		System.out.printf("mail server stopped; %d mails so far; %s%n", sentBefore, load.acknowledged());
		Thread.sleep(down * 1000L);
		// the mail jobs waiting now: each one's mails are timed from the return
		List<String[]> waiting = mailJobs();
		sink.start();
		long upAt = System.nanoTime();
		System.out.printf("mail server back after %d s; %d mail jobs waiting (retries left %s)%n",
				(upAt - downAt) / 1_000_000_000, waiting.size(), retriesLeft(waiting));
		Thread.sleep(this.context.option("after", 150) * 1000L);
		load.stop();
		System.out.printf("load stopped: %s%n", load.acknowledged());

		FaultChecks checks = new FaultChecks(this.context.psql(), this.context.database());
		long drainStart = System.nanoTime();
		while ((checks.dueJobs() > 0 || !mailJobs().isEmpty())
				&& System.nanoTime() - drainStart < 1_800_000_000_000L) {
			Thread.sleep(1000);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("downSeconds", (upAt - downAt) / 1_000_000_000);
		result.put("smtpPort", port);
		result.put("retrySettings", arguments.subList(3, arguments.size()));
		result.put("mailsBeforeTheOutage", sentBefore);
		result.put("backlog", backlog(waiting, sink, upAt));
		result.put("drainedAfterLoadStoppedMs", (System.nanoTime() - drainStart) / 1_000_000);
		result.put("load", load.figures());
		result.put("checks", checks.check(load, sink.sends()));
		result.put("passed", passed(result));
		sink.stop();
		return result;
	}

	/** The mail jobs there are: process instance, retries left. */
	private List<String[]> mailJobs() {
		return this.context.psql()
			.query(this.context.database(),
					"select process_instance_id_, retries_ from act_ru_job where process_def_key_ = 'IncidentMailProcess'");
	}

	private static String retriesLeft(List<String[]> jobs) {
		return jobs.stream().map((job) -> job[1]).distinct().sorted().toList().toString();
	}

	/**
	 * The mails of the jobs waiting at the return (their event keys end with their mail
	 * process): how many, how many sent, and when after the return the last came.
	 */
	private Map<String, Object> backlog(List<String[]> waiting, SmtpSink sink, long upAt) {
		Set<String> processes = new HashSet<>();
		waiting.forEach((job) -> processes.add(job[0]));
		Map<String, Long> firstReceipt = new LinkedHashMap<>();
		for (SmtpSink.Receipt receipt : sink.received) {
			firstReceipt.merge(FaultChecks.fileName(receipt.messageId()), receipt.atNanos(), Math::min);
		}
		long mails = 0;
		long sent = 0;
		long latest = -1;
		List<Long> delays = new ArrayList<>();
		for (String[] row : this.context.psql()
			.query(this.context.database(), "select event_key, message_id from mail_delivery "
					+ "where coalesce(recipients, '') <> ''")) {
			String process = row[0].substring(row[0].lastIndexOf('.') + 1);
			if (!processes.contains(process)) {
				continue;
			}
			mails++;
			Long at = firstReceipt.get(FaultChecks.fileName(row[1]));
			if (at != null) {
				sent++;
				long after = (at - upAt) / 1_000_000;
				delays.add(after);
				latest = Math.max(latest, after);
			}
		}
		delays.sort(null);
		Map<String, Object> backlog = new LinkedHashMap<>();
		backlog.put("jobsWaitingAtReturn", waiting.size());
		backlog.put("mails", mails);
		backlog.put("mailsSent", sent);
		backlog.put("medianSentAfterReturnMs", delays.isEmpty() ? -1 : delays.get(delays.size() / 2));
		backlog.put("lastSentAfterReturnMs", latest);
		return backlog;
	}

	@SuppressWarnings("unchecked")
	private boolean passed(Map<String, Object> result) {
		Map<String, Object> c = (Map<String, Object>) result.get("checks");
		Map<String, Object> b = (Map<String, Object>) result.get("backlog");
		// a mail server that saw no crash of ours receives each Message-ID once
		boolean clean = FaultChecks.clean(c) && FaultChecks.zero(c, "mailSentTwiceSameMessageId");
		// within the cap of 2 minutes, give or take the job executor's poll and the send
		long last = ((Number) b.get("lastSentAfterReturnMs")).longValue();
		boolean prompt = ((Number) b.get("mails")).longValue() == ((Number) b.get("mailsSent")).longValue()
				&& last <= this.context.option("target-ms", 125_000);
		return clean && prompt;
	}

	@Override
	@SuppressWarnings("unchecked")
	public String table(Map<String, Object> result) {
		Map<String, Object> c = (Map<String, Object>) result.get("checks");
		Map<String, Object> l = (Map<String, Object>) result.get("load");
		Map<String, Object> b = (Map<String, Object>) result.get("backlog");
		StringBuilder out = new StringBuilder("| check | result |\n|---|---|\n");
		FaultTables.row(out, "mail server down (s) / retry settings", result.get("downSeconds") + " / "
				+ (((List<String>) result.get("retrySettings")).isEmpty() ? "app defaults" : result.get("retrySettings")));
		FaultTables.row(out, "acknowledged: intakes / ESB messages / lifecycles (complete)",
				l.get("intakesAcknowledged") + " / " + l.get("esbAcknowledged") + " / " + l.get("lifecycles") + " ("
						+ l.get("lifecyclesComplete") + ")");
		FaultTables.row(out, "other answers", l.get("errors").toString());
		FaultTables.row(out, "**lost** / **duplicated**", c.get("lost") + " / " + c.get("duplicated"));
		FaultTables.row(out, "status disagreeing with its item (requests / incidents)",
				c.get("statusDisagreesRequests") + " / " + c.get("statusDisagreesIncidents"));
		FaultTables.row(out, "mail events recorded / mails received by the server / Message-IDs received twice",
				c.get("mailEventsRecorded") + " / " + c.get("mailsSent") + " / " + c.get("mailSentTwiceSameMessageId"));
		FaultTables.row(out, "mails recorded not received / received not recorded / events recorded twice",
				c.get("mailsRecordedNotSent") + " / " + c.get("mailsSentNotRecorded") + " / "
						+ c.get("mailEventsRecordedTwice"));
		FaultTables.row(out, "mail jobs waiting at the return / their mails (received)",
				b.get("jobsWaitingAtReturn") + " / " + b.get("mails") + " (" + b.get("mailsSent") + ")");
		FaultTables.row(out, "**their mails received after the return: median / last (s)**",
				String.format(Locale.ROOT, "%.1f / %.1f", ((Number) b.get("medianSentAfterReturnMs")).longValue() / 1000.0,
						((Number) b.get("lastSentAfterReturnMs")).longValue() / 1000.0));
		FaultTables.row(out, "jobs left due / failed / engine incidents",
				c.get("jobsDueLeft") + " / " + c.get("jobsFailed") + " / " + c.get("engineIncidents"));
		FaultTables.row(out, "passed", result.get("passed"));
		return out.toString();
	}

}
