package ru.telecom.crm.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The unattended channels, in turn: the ESB (as {@code esb}, with an Idempotency-Key, the
 * four lookup cases of the intake in turn), an SMS gateway (signed, from a LegacyDB
 * customer's phone, the text naming his LegacyDB order or, for every second one, no
 * order), and Telegram (each client's chat shared its sender's own contact, Popov's, with
 * its first message; then texts naming ORD-3001). Each message is acknowledged with 202
 * and its request; the lookup runs afterwards as a job. After a level the driver reads,
 * from the engine's history, when each request's lookup ended ("Look up the caller") and
 * whether it found the client: acknowledged-to-identified latency.
 */
final class ChannelsScenario implements Scenario {

	/** The secrets src/bench/run gives the app. */
	static final String TELEGRAM_SECRET = "bench-telegram-secret";

	static final String SMS_SECRET = "bench-sms-secret";

	private static final String ESB = "esb";

	private static final String LOOKUP_ACTIVITY = "Task_LookUpCaller";

	/** Telegram chat ids of the bench, above any real one we could meet. */
	private static final long FIRST_CHAT = 9_000_000_000L;

	private final Api api;

	private final IntakeMix mix;

	private final Psql psql;

	private final String database;

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	private final AtomicLong turn = new AtomicLong();

	private final AtomicLong messageId = new AtomicLong();

	/** Chats that shared their contact already. */
	private final Set<Long> sharedChats = ConcurrentHashMap.newKeySet();

	/** Requests opened since the last level ended, with the channel and the ack time. */
	private final ConcurrentLinkedQueue<Opened> opened = new ConcurrentLinkedQueue<>();

	ChannelsScenario(Api api, IntakeMix mix, Psql psql, String database) {
		this.api = api;
		this.mix = mix;
		this.psql = psql;
		this.database = database;
	}

	@Override
	public String name() {
		return "channels";
	}

	@Override
	public String unit() {
		return "message";
	}

	@Override
	public List<Integer> defaultClients() {
		return List.of(1, 4);
	}

	@Override
	public Client client(int index) {
		long chat = FIRST_CHAT + index;
		return (tally) -> {
			long n = this.turn.getAndIncrement();
			switch ((int) (n % 3)) {
				case 0 -> esb(tally);
				case 1 -> sms(tally);
				default -> telegram(tally, chat);
			}
		};
	}

	private void esb(Tally tally) throws Tally.StepFailed {
		String key = "bench-" + this.run + "-" + this.messageId.incrementAndGet();
		accepted(tally, "esb", this.api.post(ESB, "/api/channels/esb", this.mix.next(), "Idempotency-Key", key));
	}

	private void sms(Tally tally) throws Tally.StepFailed {
		long row = this.mix.legacyCustomerRow();
		String text = (row % 2 == 0) ? "No internet, my order BLC-" + row : "Nothing works since yesterday";
		String body = "{\"from\":" + Json.quote(LegacyRows.phone(row)) + ",\"text\":" + Json.quote(text)
				+ ",\"messageId\":" + Json.quote("sms-" + this.run + "-" + this.messageId.incrementAndGet()) + "}";
		String timestamp = Long.toString(System.currentTimeMillis() / 1000);
		accepted(tally, "sms", this.api.post(null, "/api/channels/sms", body, "X-Timestamp", timestamp, "X-Signature",
				"sha256=" + hmac(SMS_SECRET, timestamp + "." + body)));
	}

	private void telegram(Tally tally, long chat) throws Tally.StepFailed {
		if (this.sharedChats.add(chat)) {
			String contact = ",\"contact\":{\"phone_number\":\"+79007778899\",\"user_id\":" + chat + "}";
			tally.step("telegram contact", this.api.post(null, "/api/channels/telegram", update(chat, contact),
					"X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET), 202);
		}
		String text = ",\"text\":\"The router is blinking red, order ord-3001\"";
		accepted(tally, "telegram", this.api.post(null, "/api/channels/telegram", update(chat, text),
				"X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET));
	}

	private String update(long chat, String content) {
		// the bench's database is new every run: the update ids need only differ in it
		long id = this.messageId.incrementAndGet();
		return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + chat
				+ "},\"chat\":{\"id\":" + chat + ",\"type\":\"private\"}" + content + "}}";
	}

	private void accepted(Tally tally, String channel, Api.Response response) throws Tally.StepFailed {
		tally.step(channel, response, 202);
		long acknowledged = System.currentTimeMillis();
		long request = Json.number(response.body(), "requestId");
		this.opened.add(new Opened(request, channel, acknowledged));
	}

	/**
	 * When each request's lookup ended, read after the level's counters: waits (30 s at
	 * most) until every lookup has run, then prints and returns the acknowledged-to-
	 * identified latency per channel and the share of requests whose client was found.
	 */
	@Override
	public Map<String, Object> afterPhase(boolean warmup) throws InterruptedException {
		List<Opened> level = new ArrayList<>();
		for (Opened one; (one = this.opened.poll()) != null;) {
			level.add(one);
		}
		if (warmup || level.isEmpty()) {
			return Map.of();
		}
		long low = level.stream().mapToLong(Opened::request).min().orElseThrow();
		long high = level.stream().mapToLong(Opened::request).max().orElseThrow();
		String query = """
				select r.id, r.client_id is not null,
				       coalesce(to_char(a.end_time_, 'YYYY-MM-DD"T"HH24:MI:SS.MS'), '')
				from service_request r
				left join act_hi_actinst a on a.proc_inst_id_ = r.process_instance_id and a.act_id_ = '%s'
				  and a.end_time_ is not null
				where r.id between %d and %d""".formatted(LOOKUP_ACTIVITY, low, high);
		long deadline = System.nanoTime() + 30_000_000_000L;
		Map<Long, String[]> rows = new LinkedHashMap<>();
		int pendingAtCount = -1;
		while (true) {
			rows.clear();
			for (String[] row : this.psql.query(this.database, query)) {
				rows.put(Long.parseLong(row[0]), row);
			}
			long pending = level.stream()
				.filter((one) -> !rows.containsKey(one.request()) || rows.get(one.request())[2].isEmpty())
				.count();
			if (pendingAtCount < 0) {
				pendingAtCount = (int) pending;
			}
			if (pending == 0 || System.nanoTime() > deadline) {
				break;
			}
			Thread.sleep(250);
		}
		Map<String, Latencies> latencies = new LinkedHashMap<>();
		Map<String, long[]> found = new LinkedHashMap<>();
		Latencies all = new Latencies();
		long pending = 0;
		for (Opened one : level) {
			String[] row = rows.get(one.request());
			if (row == null || row[2].isEmpty()) {
				pending++;
				continue;
			}
			long ended = LocalDateTime.parse(row[2]).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
			long nanos = Math.max(0, ended - one.acknowledged()) * 1_000_000;
			latencies.computeIfAbsent(one.channel(), (key) -> new Latencies()).add(nanos);
			all.add(nanos);
			long[] counts = found.computeIfAbsent(one.channel(), (key) -> new long[2]);
			counts[row[1].equals("t") ? 0 : 1]++;
		}
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("acknowledgedToIdentifiedMs", all.summary());
		Map<String, Object> byChannel = new LinkedHashMap<>();
		latencies.forEach((channel, values) -> {
			Map<String, Object> one = new LinkedHashMap<>(values.summary());
			one.put("clientFound", found.get(channel)[0]);
			one.put("leftToAnAgent", found.get(channel)[1]);
			byChannel.put(channel, one);
		});
		figures.put("byChannel", byChannel);
		figures.put("lookupsPendingWhenCounted", pendingAtCount);
		figures.put("lookupsNotDoneAfter30s", pending);
		Map<String, Object> s = all.summary();
		System.out.printf(Locale.ROOT,
				"        acknowledged to identified (the lookup job's end, from history): p50 %.0f  p90 %.0f  "
						+ "p99 %.0f  max %.0f ms%s%n",
				s.get("p50"), s.get("p90"), s.get("p99"), s.get("max"),
				(pendingAtCount > 0) ? "; " + pendingAtCount + " lookups had not run when the counters were read" : "");
		byChannel.forEach((channel, value) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> one = (Map<String, Object>) value;
			System.out.printf(Locale.ROOT,
					"          %-9s n %5d  p50 %6.0f  p99 %6.0f ms; client found %d, left to an " + "agent %d%n",
					channel, one.get("count"), one.get("p50"), one.get("p99"), one.get("clientFound"),
					one.get("leftToAnAgent"));
		});
		return figures;
	}

	private static String hmac(String secret, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Opened(long request, String channel, long acknowledged) {
	}

}
