package ru.telecom.crm.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The load of a fault run, kept going across the app's restarts, each client as a real
 * one would behave: agents opening requests, the ESB posting messages with an
 * Idempotency-Key, and whole lifecycles. A call that got no answer (the connection
 * refused or dropped, or a 5xx) is retried once the app answers again: the ESB with the
 * same key and body; an agent looks for the request first (the API's search, by the
 * unique token each description starts with) and opens it again only when it is not
 * there; a status change is read back first. Every acknowledgement (2xx) is recorded with
 * its id or key, for the checks from the database.
 */
final class FaultLoad {

	/** Tokens look like {@code flt<run>-i12}: i intake, e ESB, l lifecycle. */
	static final String TOKEN_PATTERN = "flt[0-9a-z]+-[iel][0-9]+";

	private static final String ESB = "esb";

	private static final long RETRY_MILLIS = 500;

	private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(10);

	record Intake(String token, long id, int attempts, boolean foundBySearch) {
	}

	record Esb(String key, String token, long requestId, int attempts) {
	}

	record Lifecycle(String token, long requestId, long incidentId, List<String> statuses, boolean complete,
			String abandoned) {
	}

	private final Api api;

	private final IntakeMix mix;

	private final BenchUsers users;

	private final String run = Long.toString(System.currentTimeMillis() / 1000, 36);

	private final AtomicLong sequence = new AtomicLong();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean stopping;

	final ConcurrentLinkedQueue<Intake> intakes = new ConcurrentLinkedQueue<>();

	final ConcurrentLinkedQueue<Esb> esbs = new ConcurrentLinkedQueue<>();

	final ConcurrentLinkedQueue<Lifecycle> lifecycles = new ConcurrentLinkedQueue<>();

	/** Answers other than the expected one, by step and status (4xx end the operation). */
	final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	final LongAdder unanswered = new LongAdder();

	final LongAdder serverErrors = new LongAdder();

	/** The 5xx answers by status, and the first body of each (a problem document). */
	final Map<Integer, LongAdder> serverErrorsByStatus = new ConcurrentHashMap<>();

	final Map<Integer, String> serverErrorBodies = new ConcurrentHashMap<>();

	/** When each call answered 5xx was sent ({@link System#nanoTime()}). */
	final ConcurrentLinkedQueue<Long> serverErrorsSentAt = new ConcurrentLinkedQueue<>();

	FaultLoad(Api api, IntakeMix mix, BenchUsers users) {
		this.api = api;
		this.mix = mix;
		this.users = users;
	}

	void start(int intakeClients, int esbClients, int lifecycleClients) {
		for (int i = 0; i < intakeClients; i++) {
			String agent = this.users.agent(i);
			client("intake-" + i, () -> intake(agent));
		}
		for (int i = 0; i < esbClients; i++) {
			client("esb-" + i, this::esb);
		}
		for (int i = 0; i < lifecycleClients; i++) {
			String agent = this.users.agent(intakeClients + i);
			String engineer = this.users.engineer(i);
			client("lifecycle-" + i, () -> lifecycle(agent, engineer));
		}
	}

	/**
	 * One operation of a kind ({@code i} intake, {@code e} ESB message, {@code l}
	 * lifecycle) as client {@code index} does it, for loads at a fixed rate.
	 */
	Runnable operation(char kind, int index) {
		return switch (kind) {
			case 'i' -> () -> intake(this.users.agent(index));
			case 'e' -> this::esb;
			case 'l' -> () -> lifecycle(this.users.agent(index), this.users.engineer(index));
			default -> throw new IllegalArgumentException("no operation " + kind);
		};
	}

	/** Lets each client finish the operation it is in (retrying until answered), then stops. */
	void stop() throws InterruptedException {
		this.stopping = true;
		for (Thread thread : this.threads) {
			thread.join();
		}
	}

	/** Acknowledged operations so far, for the log. */
	String acknowledged() {
		return "%d intakes, %d ESB messages, %d lifecycles (%d complete)".formatted(this.intakes.size(),
				this.esbs.size(), this.lifecycles.size(),
				this.lifecycles.stream().filter(Lifecycle::complete).count());
	}

	private void client(String name, Runnable operation) {
		Thread thread = new Thread(() -> {
			while (!this.stopping) {
				try {
					operation.run();
				}
				catch (GaveUp ex) {
					error(ex.getMessage(), "gave up");
				}
			}
		}, "faults-" + name);
		// a driver that fails ends, its clients with it (stop() joins them when it does not)
		thread.setDaemon(true);
		this.threads.add(thread);
		thread.start();
	}

	private void intake(String agent) {
		String token = token('i');
		String body = withToken(this.mix.next(), token);
		Opened opened = open(agent, token, body);
		if (opened != null) {
			this.intakes.add(new Intake(token, opened.id(), opened.attempts(), opened.foundBySearch()));
		}
	}

	private void esb() {
		String token = token('e');
		String key = token;
		String body = withToken(this.mix.next(), token);
		Call call = call(() -> this.api.post(ESB, "/api/channels/esb", body, "Idempotency-Key", key), null);
		if (expect("esb", call.response(), 202)) {
			this.esbs.add(new Esb(key, token, Json.number(call.response().body(), "requestId"), call.attempts()));
		}
	}

	private void lifecycle(String agent, String engineer) {
		String token = token('l');
		Opened request = open(agent, token, withToken(this.mix.known("No internet at home"), token));
		if (request == null) {
			return;
		}
		List<String> statuses = new ArrayList<>();
		Call incident = call(() -> this.api.post(agent, "/api/service-requests/" + request.id() + "/incident",
				"{\"serviceCode\":" + LifecycleScenario.SERVICE + "}"), null);
		if (incident.attempts() > 1 && incident.response().status() == 409) {
			// its first call went through unanswered: the request has its incident already
			this.lifecycles.add(new Lifecycle(token, request.id(), -1, statuses, false, "incident opened unanswered"));
			return;
		}
		if (!expect("lifecycle incident", incident.response(), 201)) {
			return;
		}
		long incidentId = Json.number(incident.response().body(), "id");
		String path = "/api/incidents/" + incidentId + "/status";
		String[][] steps = { { BenchUsers.GROUP_MANAGER, "ASSIGNED", ",\"assignee\":" + Json.quote(engineer) },
				{ engineer, "INWORK", "" },
				{ engineer, "CLOSED", ",\"narrative\":\"Line card reset, the customer confirmed the service\"" } };
		for (String[] step : steps) {
			String target = step[1];
			Call change = call(() -> this.api.post(step[0], path, "{\"status\":\"" + target + "\"" + step[2] + "}"),
					() -> {
						// unanswered: a client reads the incident before it tries again
						Api.Response read = this.api.get(step[0], "/api/incidents/" + incidentId);
						return read.status() == 200 && read.body().contains("\"status\":\"" + target + "\"");
					});
			if (change.response() != null && !expect("lifecycle " + target, change.response(), 200)) {
				this.lifecycles.add(new Lifecycle(token, request.id(), incidentId, statuses, false, target));
				return;
			}
			statuses.add(target);
		}
		this.lifecycles.add(new Lifecycle(token, request.id(), incidentId, statuses, true, null));
	}

	private record Opened(long id, int attempts, boolean foundBySearch) {
	}

	/**
	 * An agent opens a request; unanswered, the agent looks for it (the API's search for
	 * the token) and opens it again only when it is not there.
	 */
	private Opened open(String agent, String token, String body) {
		long[] found = { -1 };
		Call call = call(() -> this.api.post(agent, "/api/service-requests", body), () -> {
			Api.Response search = this.api.get(agent,
					"/api/service-requests?q=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
			found[0] = (search.status() == 200) ? Json.number(search.body(), "id") : -1;
			return found[0] > 0;
		});
		if (call.response() == null) {
			return new Opened(found[0], call.attempts(), true);
		}
		return expect("open request", call.response(), 201)
				? new Opened(Json.number(call.response().body(), "id"), call.attempts(), false) : null;
	}

	/** A call's answer ({@code null}: the read-back found it done) and how many tries it took. */
	private record Call(Api.Response response, int attempts) {
	}

	/**
	 * Calls until an answer comes. No answer (I/O error) and 5xx wait for the app and try
	 * again; before each new try {@code done}, when given, is asked whether the last one
	 * went through after all.
	 */
	private Call call(Supplier<Api.Response> request, Supplier<Boolean> done) {
		long deadline = System.nanoTime() + GIVE_UP_NANOS;
		for (int attempt = 1;; attempt++) {
			long sentAt = System.nanoTime();
			Api.Response response = request.get();
			if (response.status() != 0 && response.status() < 500) {
				return new Call(response, attempt);
			}
			this.unanswered.increment();
			if (response.status() >= 500) {
				this.serverErrors.increment();
				this.serverErrorsByStatus.computeIfAbsent(response.status(), (status) -> new LongAdder()).increment();
				this.serverErrorBodies.putIfAbsent(response.status(), response.body());
				this.serverErrorsSentAt.add(sentAt);
			}
			awaitAnswer(deadline);
			if (done != null && done.get()) {
				return new Call(null, attempt);
			}
		}
	}

	private void awaitAnswer(long deadline) {
		while (true) {
			if (System.nanoTime() > deadline) {
				throw new GaveUp("no answer for 10 minutes");
			}
			try {
				Thread.sleep(RETRY_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new GaveUp("interrupted");
			}
			Api.Response health = this.api.anonymous("/actuator/health");
			if (health.status() == 200 && health.body().contains("\"UP\"")) {
				return;
			}
		}
	}

	private boolean expect(String step, Api.Response response, int status) {
		if (response.status() == status) {
			return true;
		}
		error(step, response.statusKey());
		if (this.errors.get(step + " " + response.statusKey()).sum() == 1) {
			System.out.printf("   %s: %s %s%n", step, response.statusKey(),
					response.body().substring(0, Math.min(300, response.body().length())));
		}
		return false;
	}

	private void error(String step, String status) {
		this.errors.computeIfAbsent(step + " " + status, (key) -> new LongAdder()).increment();
	}

	private String token(char kind) {
		return "flt" + this.run + "-" + kind + this.sequence.incrementAndGet();
	}

	/** The body's description, starting with the token. */
	private static String withToken(String body, String token) {
		return body.replace("\"description\":\"", "\"description\":\"" + token + " ");
	}

	/** How many calls sent after this moment ({@link System#nanoTime()}) were answered 5xx. */
	long serverErrorsSentAfter(long nanos) {
		return this.serverErrorsSentAt.stream().filter((sentAt) -> sentAt - nanos > 0).count();
	}

	Map<String, Object> figures() {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("intakesAcknowledged", this.intakes.size());
		figures.put("intakesFoundBySearchAfterNoAnswer", this.intakes.stream().filter(Intake::foundBySearch).count());
		figures.put("esbAcknowledged", this.esbs.size());
		figures.put("esbRetriedWithSameKey", this.esbs.stream().filter((esb) -> esb.attempts() > 1).count());
		figures.put("lifecycles", this.lifecycles.size());
		figures.put("lifecyclesComplete", this.lifecycles.stream().filter(Lifecycle::complete).count());
		figures.put("callsUnanswered", this.unanswered.sum());
		figures.put("callsAnswered5xx", this.serverErrors.sum());
		Map<String, Object> byStatus = new LinkedHashMap<>();
		this.serverErrorsByStatus.forEach((status, count) -> byStatus.put(status.toString(), count.sum()));
		figures.put("callsAnswered5xxByStatus", byStatus);
		Map<String, Object> bodies = new LinkedHashMap<>();
		this.serverErrorBodies.forEach((status, body) -> bodies.put(status.toString(), body));
		figures.put("firstBodyOf5xx", bodies);
		Map<String, Object> errors = new LinkedHashMap<>();
		this.errors.forEach((key, count) -> errors.put(key, count.sum()));
		figures.put("errors", errors);
		return figures;
	}

	/** A client that got no answer for too long. */
	private static final class GaveUp extends RuntimeException {

		GaveUp(String message) {
			super(message);
		}

	}

}
