package ru.telecom.crm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two app nodes on one PostgreSQL (issue 16), both with their job executor, the clients'
 * calls spread over them in turn ({@link Api#balanced}, as a load balancer would: a node
 * that refuses the connection is skipped). Mid-run one node is killed with
 * {@code kill -9}, the other carries on, and the dead one is started again; with
 * {@code --kills=N} the nodes take turns. Checked from the database: what
 * {@link FaultChecks} checks (nothing acknowledged lost, nothing twice), every engine job
 * done exactly once ({@code ACT_HI_JOB_LOG}: no job with two successful runs) and by
 * which node; a user signed in on node 1 (the console's form and Tasklist) carries on on
 * node 2 with the same cookie once node 1 is dead; the same change sent through both
 * nodes at once succeeds once and is a 409 once; API changes that collided with a
 * background job and were run again (the app's log).
 */
final class Nodes implements FaultScenario {

	private static final int LEGACY_ROWS = 20_000;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

	private static final Pattern XSRF = Pattern.compile("XSRF-TOKEN=([^;]+)");

	private static final String NODE2_HOST = "node2";

	private final FaultContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	Nodes(FaultContext context) {
		this.context = context;
	}

	@Override
	public Map<String, Object> run() throws Exception {
		Map<String, String> options = this.context.options();
		long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(System.nanoTime() % 1_000_000)));
		Random random = new Random(seed);
		int kills = this.context.option("kills", 2);
		int duration = this.context.option("duration", 150);
		String url1 = options.get("base-url");
		int port2 = freePort();
		String url2 = "http://127.0.0.1:" + port2;
		Path log2 = this.context.out().resolve("app2.log");
		List<String> args2 = new ArrayList<>(List.of("--server.port=" + port2,
				"--camunda.bpm.generic-properties.properties.hostname=" + NODE2_HOST));
		if (options.containsKey("lock-time")) {
			args2.add("--camunda.bpm.job-execution.lock-time-in-millis=" + options.get("lock-time"));
		}
		Api api2 = new Api(url2);
		AppProcess node1 = this.context.app();
		AppProcess node2 = new AppProcess(options.get("jar"), options.getOrDefault("java-opts", ""), args2, log2,
				this.context.pidFile("app2"), api2, Integer.parseInt(options.getOrDefault("ready-seconds", "300")));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				node2.stop();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		System.out.printf("nodes: node 1 %s, node 2 %s; %d kills in %d s of load, seed %d%n", url1, url2, kills,
				duration, seed);

		// node 1 first (it migrates the schema), then node 2 on the same database
		long launched = System.nanoTime();
		node1.launch();
		node1.awaitReady();
		node2.launch();
		node2.awaitReady();
		System.out.printf("both nodes ready after %d ms%n", (System.nanoTime() - launched) / 1_000_000);
		BenchUsers users = new BenchUsers(16, 8);
		LegacyRows.load(this.context.psql(), this.context.legacyDatabase(), LEGACY_ROWS);
		BenchDirectory.create(this.context.api(), this.context.psql(), this.context.database(), users);

		Api balanced = Api.balanced(List.of(url1, url2));
		FaultLoad load = new FaultLoad(balanced, new IntakeMix(LEGACY_ROWS), users);
		long loadStart = System.nanoTime();
		load.start(this.context.option("intake", 2), this.context.option("esb", 3),
				this.context.option("lifecycle", 2));

		// a user signs in on node 1, in the console and in Tasklist
		String console = consoleSignIn(url1, users.agent(0));
		String tasklist = tasklistSignIn(url1, users.engineer(0));
		Map<String, Object> sessions = new LinkedHashMap<>();
		sessions.put("consoleOnNode1", consolePage(url1, console));
		sessions.put("tasklistOnNode1", tasklistUser(url1, tasklist));

		// kills evenly spread over the load, each at a random moment of its slot
		long slot = duration * 1000L / (kills + 1);
		List<Map<String, Object>> killed = new ArrayList<>();
		StrandedJobs stranded = new StrandedJobs(this.context.psql(), this.context.database());
		for (int k = 1; k <= kills; k++) {
			long at = slot * k - slot / 2 + random.nextInt((int) Math.max(1, slot / 2));
			sleepUntil(loadStart, at);
			AppProcess victim = (k % 2 == 1) ? node1 : node2;
			String survivor = (k % 2 == 1) ? url2 : url1;
			long pid = victim.pid();
			long killedAt = System.nanoTime();
			victim.kill9();
			List<StrandedJobs.Job> jobs = stranded.lockedNow();
			System.out.printf("kill %d: kill -9 node %d (pid %d); %s acknowledged so far; %d jobs locked%n", k,
					(k % 2 == 1) ? 1 : 2, pid, load.acknowledged(), jobs.size());
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("node", (k % 2 == 1) ? 1 : 2);
			one.put("pid", pid);
			one.put("atLoadSecond", (killedAt - loadStart) / 1_000_000_000);
			if (k == 1) {
				// the user of node 1 goes on on node 2, with the same cookies
				sessions.put("consoleOnNode2AfterKill", consolePage(survivor, console));
				sessions.put("tasklistOnNode2AfterKill", tasklistUser(survivor, tasklist));
				System.out.printf("kill %d: signed-in console on node 2: %s, Tasklist: %s%n", k,
						sessions.get("consoleOnNode2AfterKill"), sessions.get("tasklistOnNode2AfterKill"));
			}
			long relaunchedAt = System.nanoTime();
			victim.launch();
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
			watch.setDaemon(true);
			watch.start();
			victim.awaitReady();
			long readyAt = System.nanoTime();
			watch.join();
			one.put("readyAfterLaunchMs", (readyAt - relaunchedAt) / 1_000_000);
			one.put("jobsLocked", jobs.size());
			long worst = 0;
			for (StrandedJobs.Job job : jobs) {
				worst = (job.doneAfterKillMs < 0) ? Long.MAX_VALUE : Math.max(worst, job.doneAfterKillMs);
			}
			one.put("lastLockedJobDoneAfterKillMs", (worst == Long.MAX_VALUE) ? -1 : worst);
			killed.add(one);
			System.out.printf("kill %d: node ready again %d ms after its launch; locked jobs done within %d ms%n", k,
					(readyAt - relaunchedAt) / 1_000_000, worst);
		}
		sleepUntil(loadStart, duration * 1000L);

		// the same change through both nodes at once: once done, once a conflict
		Map<String, Object> sameChange = sameChangeThroughBothNodes(url1, url2, users, 5);
		load.stop();
		System.out.printf("load stopped: %s%n", load.acknowledged());

		FaultChecks checks = new FaultChecks(this.context.psql(), this.context.database());
		long drainStart = System.nanoTime();
		while (checks.dueJobs() > 0 && System.nanoTime() - drainStart < 600_000_000_000L) {
			Thread.sleep(500);
		}
		Thread.sleep(1000);
		// both nodes' mails: one log to read them from
		Path logs = this.context.out().resolve("app-both.log");
		Files.write(logs, Files.readAllBytes(this.context.appLog()));
		Files.write(logs, Files.readAllBytes(log2), StandardOpenOption.APPEND);

		Map<String, Object> result = new LinkedHashMap<>();
		result.put("seed", seed);
		result.put("durationSeconds", duration);
		result.put("kills", killed);
		result.put("sessions", sessions);
		result.put("sameChangeThroughBothNodes", sameChange);
		long[] perNode = balanced.answeredPerNode();
		result.put("callsAnsweredByNode", List.of(perNode[0], perNode[1]));
		result.put("jobs", jobs());
		result.put("collisionsWithJobsRetried", count(logs, "collided with a background job"));
		result.put("load", load.figures());
		result.put("checks", checks.check(load, logs));
		result.put("passed", passed(result));
		return result;
	}

	/** Successful job runs per job id and per node, from the engine's job log. */
	private Map<String, Object> jobs() {
		String[] row = this.context.psql().query(this.context.database(), """
				select count(*) filter (where job_state_ = 2),
				       count(distinct job_id_) filter (where job_state_ = 2),
				       (select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2
				                              group by job_id_ having count(*) > 1) twice),
				       count(*) filter (where job_state_ = 2 and hostname_ = '%s'),
				       count(*) filter (where job_state_ = 1)
				from act_hi_job_log""".formatted(NODE2_HOST)).get(0);
		Map<String, Object> jobs = new LinkedHashMap<>();
		long done = Long.parseLong(row[0]);
		long node2 = Long.parseLong(row[3]);
		jobs.put("successfulRuns", done);
		jobs.put("jobsDone", Long.parseLong(row[1]));
		jobs.put("jobsDoneTwice", Long.parseLong(row[2]));
		jobs.put("doneByNode1", done - node2);
		jobs.put("doneByNode2", node2);
		jobs.put("failedRuns", Long.parseLong(row[4]));
		return jobs;
	}

	/**
	 * The same status change of one incident sent through node 1 and node 2 at the same
	 * moment by its engineer and the work group's manager: one must succeed, the other be a
	 * 409 (a second INWORK is no transition).
	 */
	private Map<String, Object> sameChangeThroughBothNodes(String url1, String url2, BenchUsers users, int times) {
		Api node1 = new Api(url1);
		Api node2 = new Api(url2);
		String agent = users.agent(0);
		String engineer = users.engineer(0);
		IntakeMix mix = new IntakeMix(LEGACY_ROWS);
		Map<String, Long> outcomes = new LinkedHashMap<>();
		for (int i = 0; i < times; i++) {
			Api.Response opened = node1.post(agent, "/api/service-requests", mix.known("Nodes probe " + i));
			if (opened.status() != 201) {
				outcomes.merge("request " + opened.statusKey(), 1L, Long::sum);
				System.out.printf("   probe: request %s %s%n", opened.statusKey(),
						opened.body().substring(0, Math.min(200, opened.body().length())));
				continue;
			}
			long requestId = Json.number(opened.body(), "id");
			Api.Response incident = node1.post(agent, "/api/service-requests/" + requestId + "/incident",
					"{\"serviceCode\":" + LifecycleScenario.SERVICE + "}");
			if (incident.status() != 201) {
				outcomes.merge("incident " + incident.statusKey(), 1L, Long::sum);
				continue;
			}
			long id = Json.number(incident.body(), "id");
			String path = "/api/incidents/" + id + "/status";
			node1.post(BenchUsers.GROUP_MANAGER, path,
					"{\"status\":\"ASSIGNED\",\"assignee\":" + Json.quote(engineer) + "}");
			CompletableFuture<Api.Response> one = CompletableFuture
				.supplyAsync(() -> node1.post(engineer, path, "{\"status\":\"INWORK\"}"));
			CompletableFuture<Api.Response> two = CompletableFuture
				.supplyAsync(() -> node2.post(BenchUsers.GROUP_MANAGER, path, "{\"status\":\"INWORK\"}"));
			String both = List.of(one.join().statusKey(), two.join().statusKey()).stream().sorted().toList().toString();
			outcomes.merge(both, 1L, Long::sum);
		}
		System.out.printf("same change through both nodes: %s%n", outcomes);
		return new LinkedHashMap<>(outcomes);
	}

	private String consoleSignIn(String url, String user) throws IOException, InterruptedException {
		HttpResponse<String> login = get(url, "/login", null);
		String before = cookie(login, SESSION);
		Matcher csrf = CSRF.matcher(login.body());
		if (before == null || !csrf.find()) {
			throw new IllegalStateException("no login form on " + url);
		}
		HttpResponse<String> done = this.http.send(request(url, "/login", before)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		String session = cookie(done, SESSION);
		return (session != null) ? session : before;
	}

	/** "200 signed in" when the console's page shows the user signed in, else what came. */
	private String consolePage(String url, String session) throws IOException, InterruptedException {
		HttpResponse<String> page = get(url, "/requests", session);
		boolean signedIn = page.statusCode() == 200 && page.body().contains("action=\"/logout\"");
		return page.statusCode() + (signedIn ? " signed in" : " " + page.headers().firstValue("Location").orElse(""));
	}

	private String tasklistSignIn(String url, String user) throws IOException, InterruptedException {
		HttpResponse<String> page = get(url, "/camunda/app/tasklist/default/", null);
		String xsrf = cookie(page, XSRF);
		String before = cookie(page, SESSION);
		HttpResponse<String> login = this.http.send(HttpRequest
			.newBuilder(URI.create(url + "/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Cookie", "XSRF-TOKEN=" + xsrf + "; JSESSIONID=" + before)
			.header("X-XSRF-TOKEN", xsrf)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (login.statusCode() != 200) {
			throw new IllegalStateException("Tasklist login of " + user + " on " + url + ": " + login.statusCode());
		}
		String session = cookie(login, SESSION);
		return (session != null) ? session : before;
	}

	/** "200 <user>" when Tasklist knows who is signed in, else the status. */
	private String tasklistUser(String url, String session) throws IOException, InterruptedException {
		HttpResponse<String> who = this.http.send(request(url, "/camunda/api/admin/auth/user/default", session)
			.header("X-XSRF-TOKEN", "Fetch")
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher user = Pattern.compile("\"userId\":\"([^\"]+)\"").matcher(who.body());
		return who.statusCode() + (user.find() ? " " + user.group(1) : "");
	}

	private HttpResponse<String> get(String url, String path, String session)
			throws IOException, InterruptedException {
		return this.http.send(request(url, path, session).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder request(String url, String path, String session) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path));
		if (session != null) {
			request.header("Cookie", "JSESSIONID=" + session);
		}
		return request;
	}

	private static String cookie(HttpResponse<?> response, Pattern pattern) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			Matcher matcher = pattern.matcher(header);
			if (matcher.lookingAt() && !matcher.group(1).isEmpty()) {
				return matcher.group(1);
			}
		}
		return null;
	}

	private static long count(Path log, String text) throws IOException {
		try (var lines = Files.lines(log)) {
			return lines.filter((line) -> line.contains(text)).count();
		}
	}

	private static void sleepUntil(long startNanos, long millis) throws InterruptedException {
		long left = millis - (System.nanoTime() - startNanos) / 1_000_000;
		if (left > 0) {
			Thread.sleep(left);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@SuppressWarnings("unchecked")
	private static boolean passed(Map<String, Object> result) {
		Map<String, Object> c = (Map<String, Object>) result.get("checks");
		Map<String, Object> jobs = (Map<String, Object>) result.get("jobs");
		Map<String, Object> sessions = (Map<String, Object>) result.get("sessions");
		Map<String, Object> same = (Map<String, Object>) result.get("sameChangeThroughBothNodes");
		boolean clean = FaultChecks.clean(c) && FaultChecks.zero(jobs, "jobsDoneTwice");
		// sessions: checked only when node 1 was killed (the first kill)
		boolean signedIn = !sessions.containsKey("consoleOnNode2AfterKill")
				|| (String.valueOf(sessions.get("consoleOnNode2AfterKill")).equals("200 signed in")
						&& String.valueOf(sessions.get("tasklistOnNode2AfterKill")).startsWith("200 "));
		boolean conflicts = same.keySet().stream().allMatch((both) -> both.equals("[200, 409]"));
		return clean && signedIn && conflicts;
	}

	/** The run as a Markdown table, for FAULTS.md. */
	@Override
	@SuppressWarnings("unchecked")
	public String table(Map<String, Object> result) {
		Map<String, Object> c = (Map<String, Object>) result.get("checks");
		Map<String, Object> l = (Map<String, Object>) result.get("load");
		Map<String, Object> jobs = (Map<String, Object>) result.get("jobs");
		Map<String, Object> sessions = (Map<String, Object>) result.get("sessions");
		List<Map<String, Object>> kills = (List<Map<String, Object>>) result.get("kills");
		StringBuilder out = new StringBuilder();
		out.append("| kill | node | at load second | restart ready (s) | jobs locked at the kill | all done after (s) |\n");
		out.append("|---|---|---|---|---|---|\n");
		for (int i = 0; i < kills.size(); i++) {
			Map<String, Object> kill = kills.get(i);
			out.append(String.format(Locale.ROOT, "| %d | %s | %s | %.1f | %s | %.1f |%n", i + 1, kill.get("node"),
					kill.get("atLoadSecond"), ((Number) kill.get("readyAfterLaunchMs")).longValue() / 1000.0,
					kill.get("jobsLocked"), ((Number) kill.get("lastLockedJobDoneAfterKillMs")).longValue() / 1000.0));
		}
		out.append('\n');
		out.append("| check | result |\n|---|---|\n");
		FaultTables.row(out, "calls answered by node 1 / node 2", result.get("callsAnsweredByNode"));
		FaultTables.row(out, "acknowledged: intakes / ESB messages / lifecycles (complete)",
				l.get("intakesAcknowledged") + " / " + l.get("esbAcknowledged") + " / " + l.get("lifecycles") + " ("
						+ l.get("lifecyclesComplete") + ")");
		FaultTables.row(out, "calls unanswered and retried (of them answered 5xx)",
				l.get("callsUnanswered") + " (" + l.get("callsAnswered5xx") + ")");
		FaultTables.row(out, "other answers", l.get("errors").toString());
		FaultTables.row(out, "**lost** (acknowledged, not in the database)", c.get("lost"));
		FaultTables.row(out, "**duplicated** (requests / idempotency keys / status rows twice)", c.get("duplicated") + " ("
				+ c.get("requestsTwice") + " / " + c.get("idempotencyKeysTwice") + " / " + c.get("incidentStatusRowsTwice")
				+ ")");
		FaultTables.row(out, "status disagreeing with its item (requests / incidents)",
				c.get("statusDisagreesRequests") + " / " + c.get("statusDisagreesIncidents"));
		FaultTables.row(out, "engine jobs done (by node 1 / node 2) / **done twice** / failed runs",
				jobs.get("jobsDone") + " (" + jobs.get("doneByNode1") + " / " + jobs.get("doneByNode2") + ") / **"
						+ jobs.get("jobsDoneTwice") + "** / " + jobs.get("failedRuns"));
		FaultTables.row(out, "mail events recorded / mails sent / sent twice with the same Message-ID",
				c.get("mailEventsRecorded") + " / " + c.get("mailsSent") + " / " + c.get("mailSentTwiceSameMessageId"));
		FaultTables.row(out, "mails recorded not sent / sent not recorded / events recorded twice",
				c.get("mailsRecordedNotSent") + " / " + c.get("mailsSentNotRecorded") + " / "
						+ c.get("mailEventsRecordedTwice"));
		FaultTables.row(out, "signed in on node 1 (console / Tasklist)",
				sessions.get("consoleOnNode1") + " / " + sessions.get("tasklistOnNode1"));
		FaultTables.row(out, "same cookies on node 2, node 1 dead (console / Tasklist)",
				sessions.get("consoleOnNode2AfterKill") + " / " + sessions.get("tasklistOnNode2AfterKill"));
		FaultTables.row(out, "the same change through both nodes at once (answers: times)",
				result.get("sameChangeThroughBothNodes"));
		FaultTables.row(out, "API changes that collided with a job and were run again", result.get("collisionsWithJobsRetried"));
		FaultTables.row(out, "jobs left due / failed / engine incidents",
				c.get("jobsDueLeft") + " / " + c.get("jobsFailed") + " / " + c.get("engineIncidents"));
		FaultTables.row(out, "passed", result.get("passed"));
		return out.toString();
	}

}
