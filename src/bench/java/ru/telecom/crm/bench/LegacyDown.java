package ru.telecom.crm.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * LegacyDB down for a while (3 minutes) under intake, channel and lifecycle load: its
 * database stops taking connections ({@code allow_connections false}, and the open ones
 * are ended), then takes them again. Agents whose intake needs LegacyDB get a 503 problem
 * document and nothing written (they try again, as FaultLoad's agents do); the channels'
 * lookups fail, wait and resume, and every channel message ends identified as it would
 * have been with LegacyDB up: the ESB's (phone and order code) and, besides FaultLoad,
 * SMS texts from Popov that name one of his LegacyDB orders (a free text's code is taken
 * only when the order exists, which LegacyDB must say).
 */
final class LegacyDown implements FaultScenario {

	private static final int LEGACY_ROWS = 20_000;

	private static final String SMS_SECRET = "bench-sms-secret";

	private final FaultContext context;

	private final ConcurrentLinkedQueue<long[]> smsAcknowledged = new ConcurrentLinkedQueue<>();

	private final Map<String, LongAdder> smsAnswers = new ConcurrentHashMap<>();

	private final AtomicLong smsSequence = new AtomicLong();

	private volatile boolean stopping;

	LegacyDown(FaultContext context) {
		this.context = context;
	}

	@Override
	public Map<String, Object> run() throws Exception {
		int down = this.context.option("down", 180);
		List<String> arguments = new ArrayList<>();
		for (String name : List.of("first", "at-most", "for")) {
			String value = this.context.options().get("retry-" + name);
			if (value != null) {
				arguments.add("--crm.jobs.retry." + name + "=" + value);
			}
		}
		AppProcess app = this.context.app();
		app.addArguments(arguments);
		app.launch();
		app.awaitReady();
		BenchUsers users = new BenchUsers(16, 8);
		LegacyRows.load(this.context.psql(), this.context.legacyDatabase(), LEGACY_ROWS);
		BenchDirectory.create(this.context.api(), this.context.psql(), this.context.database(), users);
		String run = Long.toString(System.currentTimeMillis() / 1000, 36);
		String runStart = this.context.psql().value(this.context.database(), "select now()");
		FaultLoad load = new FaultLoad(this.context.api(), new IntakeMix(LEGACY_ROWS), users);
		load.start(this.context.option("intake", 2), this.context.option("esb", 2),
				this.context.option("lifecycle", 1));
		List<Thread> sms = new ArrayList<>();
		for (int i = 0; i < this.context.option("sms", 1); i++) {
			Thread thread = new Thread(() -> {
				while (!this.stopping) {
					sms(run);
				}
			}, "faults-sms-" + i);
			thread.start();
			sms.add(thread);
		}

		Thread.sleep(this.context.option("before", 30) * 1000L);
		legacyAcceptsConnections(false);
		long downAt = System.nanoTime();
		System.out.printf("LegacyDB refuses connections; %s%n", load.acknowledged());
		Thread.sleep(down * 1000L);
		// the lookups waiting now: timed from LegacyDB's return
		List<String[]> waiting = failedLookups();
		legacyAcceptsConnections(true);
		long upAt = System.nanoTime();
		System.out.printf("LegacyDB back after %d s; %d lookups failed and waiting%n", (upAt - downAt) / 1_000_000_000,
				waiting.size());
		Map<String, Long> done = new ConcurrentHashMap<>();
		Thread watch = new Thread(() -> watch(waiting, done, upAt), "faults-lookups");
		watch.start();
		Thread.sleep(this.context.option("after", 60) * 1000L);
		load.stop();
		this.stopping = true;
		for (Thread thread : sms) {
			thread.join();
		}
		System.out.printf("load stopped: %s, %d SMS%n", load.acknowledged(), this.smsAcknowledged.size());

		FaultChecks checks = new FaultChecks(this.context.psql(), this.context.database());
		long drainStart = System.nanoTime();
		while ((checks.dueJobs() > 0 || !failedLookups().isEmpty())
				&& System.nanoTime() - drainStart < 1_800_000_000_000L) {
			Thread.sleep(1000);
		}
		watch.join(60_000);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("downSeconds", (upAt - downAt) / 1_000_000_000);
		result.put("retrySettings", arguments);
		Map<String, Object> lookups = new LinkedHashMap<>();
		lookups.put("failedAndWaitingAtReturn", waiting.size());
		lookups.put("doneAfterReturn", done.size());
		List<Long> after = done.values().stream().sorted().toList();
		lookups.put("medianDoneAfterReturnMs", after.isEmpty() ? -1 : after.get(after.size() / 2));
		lookups.put("lastDoneAfterReturnMs", after.isEmpty() ? -1 : after.get(after.size() - 1));
		result.put("lookups", lookups);
		// LegacyDB's pool renewed once it could not connect (LegacyPool): none, where
		// Hikari's own backoff failed calls for up to 5 s after the return
		result.put("answers5xxToCallsSentAfterReturn", load.serverErrorsSentAfter(upAt));
		result.put("load", load.figures());
		Map<String, Object> smsFigures = new LinkedHashMap<>();
		smsFigures.put("acknowledged", this.smsAcknowledged.size());
		Map<String, Object> answers = new LinkedHashMap<>();
		this.smsAnswers.forEach((key, count) -> answers.put(key, count.sum()));
		smsFigures.put("otherAnswers", answers);
		result.put("sms", smsFigures);
		Map<String, Object> c = checks.check(load, this.context.appLog());
		c.putAll(identified(run));
		c.putAll(halfWritten(runStart));
		result.put("checks", c);
		result.put("passed", passed(result));
		return result;
	}

	/** Each lookup waiting at the return: when it was done (gone from the jobs). */
	private void watch(List<String[]> waiting, Map<String, Long> done, long upAt) {
		long deadline = System.nanoTime() + 1_800_000_000_000L;
		while (done.size() < waiting.size() && System.nanoTime() < deadline) {
			Set<String> left = Set.copyOf(this.context.psql()
				.query(this.context.database(),
						"select id_ from act_ru_job where process_def_key_ = 'ServiceRequestProcess'")
				.stream()
				.map((row) -> row[0])
				.toList());
			long now = (System.nanoTime() - upAt) / 1_000_000;
			for (String[] job : waiting) {
				if (!left.contains(job[0])) {
					done.putIfAbsent(job[0], now);
				}
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** The request process's jobs (the caller's lookup) that failed and wait for a retry. */
	private List<String[]> failedLookups() {
		return this.context.psql()
			.query(this.context.database(), "select id_, retries_ from act_ru_job "
					+ "where process_def_key_ = 'ServiceRequestProcess' and exception_msg_ is not null and retries_ > 0");
	}

	private void legacyAcceptsConnections(boolean accepts) {
		this.context.psql()
			.query("postgres", "alter database " + this.context.legacyDatabase() + " allow_connections " + accepts);
		if (!accepts) {
			this.context.psql()
				.query("postgres", "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '"
						+ this.context.legacyDatabase() + "'");
		}
	}

	/** An SMS from Popov naming one of his LegacyDB orders; retried until answered. */
	private void sms(String run) {
		long n = LEGACY_ROWS - this.smsSequence.getAndIncrement() % 5_000;
		String token = "fls" + run + "-s" + this.smsSequence.get();
		String body = "{\"from\":\"+79007778899\",\"text\":" + Json.quote(token + " no internet, my order BLP-" + n)
				+ ",\"messageId\":" + Json.quote(token) + "}";
		for (int attempt = 0; attempt < 1200 && !Thread.currentThread().isInterrupted(); attempt++) {
			String timestamp = Long.toString(System.currentTimeMillis() / 1000);
			Api.Response answer = this.context.api()
				.post(null, "/api/channels/sms", body, "X-Timestamp", timestamp, "X-Signature",
						"sha256=" + hmac(timestamp + "." + body));
			if (answer.status() == 202) {
				this.smsAcknowledged.add(new long[] { Json.number(answer.body(), "requestId"), n });
				return;
			}
			this.smsAnswers.computeIfAbsent(answer.statusKey(), (key) -> new LongAdder()).increment();
			if (answer.status() != 0 && answer.status() < 500) {
				return;
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/**
	 * Every channel message identified as with LegacyDB up: the ESB's with the order it
	 * named and the client its code or phone belongs to (a LegacyDB customer's copy, Popov
	 * for his orders, a new client for a new phone); the SMS texts with the LegacyDB order
	 * they named, Popov's.
	 */
	private Map<String, Object> identified(String run) {
		String[] esb = this.context.psql().query(this.context.database(), """
				with m as (
				  select r.id, upper(r.raw_message::json->>'orderCode') as named, o.code, c.legacy_id, c.phone
				  from channel_message cm join service_request r on r.id = cm.service_request_id
				  left join client c on c.id = r.client_id left join client_order o on o.id = r.order_id
				  where cm.caller = 'esb' and cm.idempotency_key like 'flt%%')
				select count(*),
				       count(*) filter (where code is null),
				       count(*) filter (where code is distinct from named
				         or (named ~ '^(BLC|BNC)-' and legacy_id is distinct from %d + substring(named from 5)::bigint)
				         or (named ~ '^(BLP-|ORD-3001$)' and phone is distinct from '+79007778899')
				         or (named ~ '^BNW-' and legacy_id is not null))
				from m""".formatted(1_000_000)).get(0);
		String[] sms = this.context.psql().query(this.context.database(), """
				select count(*), count(*) filter (where o.code is null),
				       count(*) filter (where o.code is distinct from upper(substring(r.description from 'BLP-[0-9]+'))
				                          or c.phone is distinct from '+79007778899')
				from service_request r left join client c on c.id = r.client_id
				left join client_order o on o.id = r.order_id
				where r.description like 'fls%s-%%'""".formatted(run)).get(0);
		long smsLost = 0;
		for (long[] acknowledged : this.smsAcknowledged) {
			String found = this.context.psql()
				.value(this.context.database(), "select count(*) from service_request where id = " + acknowledged[0]
						+ " and description like 'fls" + run + "-%'");
			smsLost += found.equals("1") ? 0 : 1;
		}
		Map<String, Object> checks = new LinkedHashMap<>();
		checks.put("esbRequests", Long.parseLong(esb[0]));
		checks.put("esbUnidentified", Long.parseLong(esb[1]));
		checks.put("esbNotAsWithLegacyDbUp", Long.parseLong(esb[2]));
		checks.put("smsRequests", Long.parseLong(sms[0]));
		checks.put("smsWithoutTheirOrder", Long.parseLong(sms[1]));
		checks.put("smsNotAsWithLegacyDbUp", Long.parseLong(sms[2]));
		checks.put("smsLost", smsLost);
		return checks;
	}

	/**
	 * What a 503 or a failed lookup could have left half-written: a request without its
	 * first status row, a client or order made in this run that no request uses.
	 */
	private Map<String, Object> halfWritten(String runStart) {
		String[] row = this.context.psql().query(this.context.database(), """
				select (select count(*) from service_request r
				        where not exists (select 1 from status s where s.service_request_id = r.id)),
				       (select count(*) from client c where c.created_at >= '%1$s'
				        and not exists (select 1 from service_request r where r.client_id = c.id)),
				       (select count(*) from client_order o where o.created_at >= '%1$s'
				        and not exists (select 1 from service_request r where r.order_id = o.id))"""
			.formatted(runStart)).get(0);
		Map<String, Object> checks = new LinkedHashMap<>();
		checks.put("requestsWithoutStatus", Long.parseLong(row[0]));
		checks.put("clientsWithoutRequest", Long.parseLong(row[1]));
		checks.put("ordersWithoutRequest", Long.parseLong(row[2]));
		return checks;
	}

	@SuppressWarnings("unchecked")
	private boolean passed(Map<String, Object> result) {
		Map<String, Object> c = (Map<String, Object>) result.get("checks");
		Map<String, Object> l = (Map<String, Object>) result.get("load");
		Map<String, Object> bodies = (Map<String, Object>) l.get("firstBodyOf5xx");
		Map<String, Object> byStatus = (Map<String, Object>) l.get("callsAnswered5xxByStatus");
		boolean clear = byStatus.keySet().stream().allMatch("503"::equals) && (bodies.get("503") == null
				|| bodies.get("503").toString().contains("urn:problem-type:crm:unavailable"));
		boolean clean = List
			.of("lost", "duplicated", "statusDisagreesRequests", "statusDisagreesIncidents", "jobsDueLeft", "jobsFailed",
					"esbUnidentified", "esbNotAsWithLegacyDbUp", "smsWithoutTheirOrder", "smsNotAsWithLegacyDbUp",
					"smsLost", "requestsWithoutStatus", "clientsWithoutRequest", "ordersWithoutRequest")
			.stream()
			.allMatch((name) -> ((Number) c.get(name)).longValue() == 0)
				&& ((Number) l.get("intakesFoundBySearchAfterNoAnswer")).longValue() == 0;
		Map<String, Object> lookups = (Map<String, Object>) result.get("lookups");
		boolean prompt = ((Number) lookups.get("lastDoneAfterReturnMs")).longValue() <= this.context.option("target-ms",
				125_000);
		return clear && clean && prompt;
	}

	@Override
	@SuppressWarnings("unchecked")
	public String table(Map<String, Object> result) {
		Map<String, Object> c = (Map<String, Object>) result.get("checks");
		Map<String, Object> l = (Map<String, Object>) result.get("load");
		Map<String, Object> k = (Map<String, Object>) result.get("lookups");
		Map<String, Object> s = (Map<String, Object>) result.get("sms");
		StringBuilder out = new StringBuilder("| check | result |\n|---|---|\n");
		FaultTables.row(out, "LegacyDB down (s) / retry settings", result.get("downSeconds") + " / "
				+ (((List<String>) result.get("retrySettings")).isEmpty() ? "app defaults" : result.get("retrySettings")));
		FaultTables.row(out, "acknowledged: intakes / ESB messages / SMS / lifecycles (complete)",
				l.get("intakesAcknowledged") + " / " + l.get("esbAcknowledged") + " / " + s.get("acknowledged") + " / "
						+ l.get("lifecycles") + " (" + l.get("lifecyclesComplete") + ")");
		FaultTables.row(out, "answers 5xx by status (retried by the clients)", l.get("callsAnswered5xxByStatus"));
		Object body = ((Map<String, Object>) l.get("firstBodyOf5xx")).get("503");
		FaultTables.row(out, "a 503's body", (body == null) ? "-" : "`" + body.toString().replace("|", "\\|") + "`");
		FaultTables.row(out, "intakes found by search after a 503 (half-written)", l.get("intakesFoundBySearchAfterNoAnswer"));
		FaultTables.row(out, "5xx answers to calls sent after LegacyDB's return",
				result.getOrDefault("answers5xxToCallsSentAfterReturn", "-"));
		FaultTables.row(out, "other answers", l.get("errors") + " " + s.get("otherAnswers"));
		FaultTables.row(out, "**lost** / **duplicated**", c.get("lost") + " / " + c.get("duplicated"));
		FaultTables.row(out, "requests without status / clients, orders of the run without a request",
				c.get("requestsWithoutStatus") + " / " + c.get("clientsWithoutRequest") + ", "
						+ c.get("ordersWithoutRequest"));
		FaultTables.row(out, "ESB requests / unidentified / not as with LegacyDB up",
				c.get("esbRequests") + " / " + c.get("esbUnidentified") + " / " + c.get("esbNotAsWithLegacyDbUp"));
		FaultTables.row(out, "SMS naming a LegacyDB order / without it / not as with LegacyDB up / lost",
				c.get("smsRequests") + " / " + c.get("smsWithoutTheirOrder") + " / " + c.get("smsNotAsWithLegacyDbUp")
						+ " / " + c.get("smsLost"));
		FaultTables.row(out, "lookups failed and waiting at the return / done", k.get("failedAndWaitingAtReturn") + " / "
				+ k.get("doneAfterReturn"));
		FaultTables.row(out, "**their lookups done after the return: median / last (s)**",
				String.format(Locale.ROOT, "%.1f / %.1f", ((Number) k.get("medianDoneAfterReturnMs")).longValue() / 1000.0,
						((Number) k.get("lastDoneAfterReturnMs")).longValue() / 1000.0));
		FaultTables.row(out, "status disagreeing with its item (requests / incidents)",
				c.get("statusDisagreesRequests") + " / " + c.get("statusDisagreesIncidents"));
		FaultTables.row(out, "jobs left due / failed / engine incidents",
				c.get("jobsDueLeft") + " / " + c.get("jobsFailed") + " / " + c.get("engineIncidents"));
		FaultTables.row(out, "passed", result.get("passed"));
		return out.toString();
	}

	private static String hmac(String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SMS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
