package ru.telecom.crm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Keycloak down under load (issue 16): Keycloak started as the tests start it (the
 * distribution the build unpacks, our realm imported), the app in the {@code keycloak}
 * profile against it, agents opening requests and the ESB posting messages with their
 * bearer tokens, a manager and an engineer reading their lists; then Keycloak is stopped
 * for {@code --outage} seconds and started again. Checked: every call with a valid token
 * answered as before during the outage; a sign-in gets our 503 page (not a redirect to a
 * dead host); a token with a key the app never saw and a password never checked get 503
 * problem documents; after Keycloak's return sign-in and new tokens work again; and from
 * the database, every acknowledged request and message there once.
 */
final class KeycloakDown implements FaultScenario {

	private static final int LEGACY_ROWS = 2_000;

	private static final String CLIENT_SECRET = "faults-" + UUID.randomUUID();

	private static final String CHANNELS_SECRET = "faults-" + UUID.randomUUID();

	private static final String[] AGENTS = { "anna", "boris" };

	private final FaultContext context;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	private final String run = Long.toString(System.currentTimeMillis() / 1000, 36);

	private final AtomicLong sequence = new AtomicLong();

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	/** Answers by phase and step: {@code during esb 202}. */
	private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<long[]> intakes = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<String> esbKeys = new ConcurrentLinkedQueue<>();

	private volatile String phase = "before";

	/** When the tokens were last renewed: the realm's tokens live 300 s. */
	private volatile long tokensRenewed;

	private volatile boolean stopping;

	private Process keycloak;

	private int keycloakPort;

	KeycloakDown(FaultContext context) {
		this.context = context;
		this.base = context.options().get("base-url");
	}

	@Override
	public Map<String, Object> run() throws Exception {
		int outage = this.context.option("outage", 120);
		Map<String, Object> result = new LinkedHashMap<>();
		Path root = this.context.out().getParent().getParent().getParent();
		Path distribution = Path.of(this.context.options()
			.getOrDefault("keycloak-home", root.resolve("target/keycloak/keycloak-26.4.5").toString()));
		// a copy of its own: the integration tests wipe and fill the unpacked one's data
		Path home = this.context.out().resolve("keycloak");
		copy(distribution, home);
		this.keycloakPort = freePort();
		long started = System.nanoTime();
		startKeycloak(home, root.resolve("src/main/docker/keycloak/crm-realm.json"), true);
		result.put("keycloakFirstStartMs", millisSince(started));
		System.out.printf("Keycloak ready after %d ms on port %d%n", millisSince(started), this.keycloakPort);

		AppProcess app = new AppProcess(this.context.options().get("jar"),
				this.context.options().getOrDefault("java-opts", ""),
				List.of("--spring.profiles.active=keycloak", "--crm.keycloak.url=" + keycloakUrl(),
						"--crm.keycloak.client-secret=" + CLIENT_SECRET,
						// short caches, so that an outage of two minutes outlasts them
						// (their production times are five minutes, a token's lifetime)
						"--crm.keycloak.cache-ttl=" + this.context.option("cache-ttl", 30) + "s",
						"--plugin.identity.keycloak.cache-expiration-timeout-min=1"),
				this.context.appLog(), this.context.pidFile("app-keycloak"), this.context.api(),
				this.context.option("ready-seconds", 300));
		try {
			long launched = System.nanoTime();
			app.launch();
			app.awaitReady();
			System.out.printf("app ready after %d ms%n", millisSince(launched));
			LegacyRows.load(this.context.psql(), this.context.legacyDatabase(), LEGACY_ROWS);
			refreshTokens();
			List<Thread> clients = startLoad(new IntakeMix(LEGACY_ROWS));
			Thread.sleep(30_000);

			refreshTokens();
			String admin = this.tokens.get("admin");
			this.phase = "during";
			long down = System.nanoTime();
			stopKeycloak();
			System.out.printf("Keycloak stopped; %d s of load without it%n", outage);
			Thread.sleep(5_000);
			Map<String, Object> during = new LinkedHashMap<>();
			during.put("signIn", signIn());
			during.put("unknownKeyToken", call("GET", "/api/services", withKeyId(this.tokens.get("anna")), null));
			during.put("passwordNeverChecked", call("POST", "/engine-rest/identity/verify", admin,
					"{\"username\":\"petr\",\"password\":\"never-checked-" + UUID.randomUUID() + "\"}"));
			Thread.sleep(Math.max(0, outage * 1000L - millisSince(down)));

			long restarting = System.nanoTime();
			startKeycloak(home, null, false);
			long back = System.nanoTime();
			result.put("keycloakRestartMs", millisSince(restarting));
			this.phase = "after";
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("signInRedirectsToKeycloakAfterMs", until(() -> {
				Map<String, Object> signIn = signIn();
				return ((Number) signIn.get("status")).intValue() == 302
						&& String.valueOf(signIn.get("location")).startsWith(keycloakUrl());
			}, back));
			after.put("newTokenAfterMs", until(() -> token("boris") != null, back));
			after.put("unknownKeyUnauthorizedAfterMs", until(() -> ((Number) call("GET", "/api/services",
					withKeyId(this.tokens.get("anna")), null)
				.get("status")).intValue() == 401, back));
			refreshTokens();
			Thread.sleep(30_000);
			this.stopping = true;
			for (Thread client : clients) {
				client.join();
			}
			result.put("outageSeconds", outage);
			result.put("downForMs", (back - down) / 1_000_000);
			result.put("during", during);
			result.put("after", after);
			result.put("answers", new java.util.TreeMap<>(this.answers.entrySet()
				.stream()
				.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().sum()))));
			result.putAll(checks(during, after));
		}
		finally {
			this.stopping = true;
			app.stop();
			stopKeycloak();
		}
		return result;
	}

	private Map<String, Object> checks(Map<String, Object> during, Map<String, Object> after) {
		Map<String, Object> checks = new LinkedHashMap<>();
		long refusedDuring = this.answers.entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith("during ") && !e.getKey().matches(".* (2\\d\\d|401 expired-token)$"))
			.mapToLong((e) -> e.getValue().sum())
			.sum();
		long answeredDuring = this.answers.entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith("during "))
			.mapToLong((e) -> e.getValue().sum())
			.sum();
		checks.put("callsWithValidTokensDuringOutage", answeredDuring);
		checks.put("refusedDuringOutage", refusedDuring);
		String ids = this.intakes.stream().map((i) -> Long.toString(i[0])).reduce((a, b) -> a + "," + b).orElse("0");
		long present = Long.parseLong(this.context.psql()
			.value(this.context.database(), "select count(*) from service_request where id in (" + ids + ")"));
		String doubled = this.context.psql()
			.value(this.context.database(),
					"select count(*) from (select substring(description from 'kcd[0-9a-z]+-[ie][0-9]+') t "
							+ "from service_request where description like 'kcd%' group by 1 having count(*) > 1) d");
		String keys = this.esbKeys.stream().map((k) -> "'" + k + "'").reduce((a, b) -> a + "," + b).orElse("''");
		long esbPresent = Long.parseLong(this.context.psql()
			.value(this.context.database(), "select count(distinct idempotency_key) from channel_message "
					+ "where idempotency_key in (" + keys + ")"));
		String esbTwice = this.context.psql()
			.value(this.context.database(), "select count(*) from (select idempotency_key from channel_message "
					+ "where idempotency_key like 'kcd%' group by 1 having count(*) > 1) d");
		long lost = (this.intakes.size() - present) + (this.esbKeys.size() - esbPresent);
		long duplicated = Long.parseLong(doubled) + Long.parseLong(esbTwice);
		checks.put("intakesAcknowledged", this.intakes.size());
		checks.put("esbAcknowledged", this.esbKeys.size());
		checks.put("lost", lost);
		checks.put("duplicated", duplicated);
		boolean signInPage = status(during.get("signIn")) == 503
				&& Boolean.TRUE.equals(((Map<?, ?>) during.get("signIn")).get("ourPage"));
		boolean unknownKey = status(during.get("unknownKeyToken")) == 503;
		boolean password = status(during.get("passwordNeverChecked")) == 503;
		boolean recovered = after.values().stream().allMatch((ms) -> ((Number) ms).longValue() >= 0);
		checks.put("signInPage503", signInPage);
		checks.put("unknownKey503", unknownKey);
		checks.put("passwordCheck503", password);
		checks.put("recovered", recovered);
		checks.put("passed", lost == 0 && duplicated == 0 && refusedDuring == 0 && answeredDuring > 0 && signInPage
				&& unknownKey && password && recovered);
		return checks;
	}

	private static int status(Object call) {
		return ((Number) ((Map<?, ?>) call).get("status")).intValue();
	}

	// --- the load --------------------------------------------------------------------------

	private List<Thread> startLoad(IntakeMix mix) {
		List<Thread> clients = new ArrayList<>();
		for (String agent : AGENTS) {
			clients.add(client("intake-" + agent, () -> {
				String token = "kcd" + this.run + "-i" + this.sequence.incrementAndGet();
				Map<String, Object> answer = call("POST", "/api/service-requests", this.tokens.get(agent),
						withToken(mix.next(), token));
				count("intake", answer);
				if (status(answer) == 201) {
					this.intakes.add(new long[] { Json.number((String) answer.get("body"), "id") });
				}
				else {
					sleep(200);
				}
			}));
		}
		clients.add(client("esb", () -> {
			String key = "kcd" + this.run + "-e" + this.sequence.incrementAndGet();
			Map<String, Object> answer = callWith("POST", "/api/channels/esb", this.tokens.get("channels"),
					withToken(mix.next(), key), "Idempotency-Key", key);
			count("esb", answer);
			if (status(answer) == 202) {
				this.esbKeys.add(key);
			}
			else {
				sleep(200);
			}
		}));
		clients.add(client("reads", () -> {
			count("manager list", call("GET", "/api/service-requests?size=5", this.tokens.get("maria"), null));
			count("engineer tasks", call("GET", "/engine-rest/task?maxResults=5", this.tokens.get("ivan"), null));
			count("engineer incidents", call("GET", "/api/incidents?size=5", this.tokens.get("ivan"), null));
			sleep(500);
		}));
		return clients;
	}

	private Thread client(String name, Runnable operation) {
		Thread thread = new Thread(() -> {
			while (!this.stopping) {
				operation.run();
			}
		}, "kcdown-" + name);
		thread.start();
		return thread;
	}

	private void count(String step, Map<String, Object> answer) {
		// a token past its lifetime is refused rightly: Keycloak could not renew it
		boolean expired = status(answer) == 401 && System.nanoTime() - this.tokensRenewed > 290_000_000_000L;
		this.answers
			.computeIfAbsent(this.phase + " " + step + " " + answer.get("status") + (expired ? " expired-token" : ""),
					(k) -> new LongAdder())
			.increment();
	}

	private static String withToken(String body, String token) {
		return body.replace("\"description\":\"", "\"description\":\"" + token + " ");
	}

	// --- Keycloak ------------------------------------------------------------------------------

	private String keycloakUrl() {
		return "http://127.0.0.1:" + this.keycloakPort;
	}

	private void startKeycloak(Path home, Path realm, boolean fresh) throws IOException, InterruptedException {
		if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
			throw new IllegalStateException("no Keycloak at " + home
					+ ": mvn -B dependency:unpack@unpack-keycloak unpacks org.keycloak:keycloak-quarkus-dist");
		}
		if (fresh) {
			Path data = home.resolve("data");
			if (Files.exists(data)) {
				try (Stream<Path> files = Files.walk(data)) {
					files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
				}
			}
			Files.createDirectories(data.resolve("import"));
			Files.copy(realm, data.resolve("import/crm-realm.json"), StandardCopyOption.REPLACE_EXISTING);
		}
		ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
				"--http-host=127.0.0.1", "--http-port=" + this.keycloakPort, "--import-realm", "--cache=local")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.context.out().resolve("keycloak.log").toFile()));
		builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
		builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "faults-" + UUID.randomUUID());
		builder.environment().put("CRM_KEYCLOAK_CLIENT_SECRET", CLIENT_SECRET);
		builder.environment().put("CRM_KEYCLOAK_CHANNELS_SECRET", CHANNELS_SECRET);
		builder.environment().put("CRM_KEYCLOAK_METRICS_SECRET", "faults-" + UUID.randomUUID());
		builder.environment().put("CRM_KEYCLOAK_GRAFANA_SECRET", "faults-" + UUID.randomUUID());
		this.keycloak = builder.start();
		Files.writeString(this.context.pidFile("keycloak"), Long.toString(this.keycloak.pid()));
		long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.keycloak.isAlive()) {
				throw new IllegalStateException("Keycloak ended while starting; see keycloak.log");
			}
			if (discoveryAnswers()) {
				return;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("Keycloak was not ready within 6 minutes; see keycloak.log");
	}

	private static void copy(Path from, Path to) throws IOException {
		if (!Files.isExecutable(from.resolve("bin/kc.sh"))) {
			throw new IllegalStateException("no Keycloak at " + from
					+ ": mvn -B dependency:unpack@unpack-keycloak unpacks org.keycloak:keycloak-quarkus-dist");
		}
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files.filter((f) -> !from.relativize(f).startsWith("data"))::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	private void stopKeycloak() throws InterruptedException {
		if (this.keycloak == null || !this.keycloak.isAlive()) {
			return;
		}
		this.keycloak.descendants().forEach(ProcessHandle::destroy);
		this.keycloak.destroy();
		this.keycloak.waitFor();
		this.keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
	}

	private boolean discoveryAnswers() {
		try {
			return this.http.send(
					HttpRequest.newBuilder(URI.create(keycloakUrl() + "/realms/crm/.well-known/openid-configuration"))
						.timeout(Duration.ofSeconds(5))
						.build(),
					HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void refreshTokens() {
		for (String user : List.of("anna", "boris", "maria", "ivan", "admin")) {
			this.tokens.put(user, token(user));
		}
		this.tokens.put("channels", token(null));
		this.tokensRenewed = System.nanoTime();
	}

	/** A user's token by password grant (demo passwords), or the ESB's (client credentials). */
	private String token(String user) {
		String form = (user != null)
				? "grant_type=password&client_id=crm-app&client_secret=" + enc(CLIENT_SECRET) + "&username="
						+ enc(user) + "&password=" + enc(user) + "&scope=openid"
				: "grant_type=client_credentials&client_id=crm-channels&client_secret=" + enc(CHANNELS_SECRET);
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(keycloakUrl() + "/realms/crm/protocol/openid-connect/token"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.timeout(Duration.ofSeconds(10))
						.POST(HttpRequest.BodyPublishers.ofString(form))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			int at = body.indexOf("\"access_token\":\"");
			return (at < 0) ? null : body.substring(at + 16, body.indexOf('"', at + 16));
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** The token with a key id the app cannot know. */
	private static String withKeyId(String token) {
		String[] parts = token.split("\\.");
		String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
			.replaceFirst("\"kid\"\\s*:\\s*\"[^\"]*\"", "\"kid\":\"faults-never-shown\"");
		return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[1] + "." + parts[2];
	}

	// --- calls ---------------------------------------------------------------------------------

	/** A browser's sign-in, not following the redirect: where it is sent, or our page. */
	private Map<String, Object> signIn() {
		long start = System.nanoTime();
		Map<String, Object> answer = send(HttpRequest.newBuilder(URI.create(this.base + "/oauth2/authorization/keycloak"))
			.timeout(Duration.ofSeconds(30)));
		answer.put("ms", millisSince(start));
		answer.put("ourPage", String.valueOf(answer.get("body")).contains("Sign-in is not available right now"));
		answer.remove("body");
		return answer;
	}

	private Map<String, Object> call(String method, String path, String token, String json) {
		return callWith(method, path, token, json);
	}

	private Map<String, Object> callWith(String method, String path, String token, String json, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.method(method, (json == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			builder.header("Content-Type", "application/json");
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return send(builder);
	}

	private Map<String, Object> send(HttpRequest.Builder builder) {
		Map<String, Object> answer = new LinkedHashMap<>();
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			answer.put("status", response.statusCode());
			response.headers().firstValue("Location").ifPresent((location) -> answer.put("location", location));
			response.headers()
				.firstValue("Content-Type")
				.ifPresent((type) -> answer.put("contentType", type.replaceAll(";.*", "")));
			answer.put("body", response.body());
		}
		catch (IOException ex) {
			answer.put("status", 0);
			answer.put("body", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			answer.put("status", 0);
		}
		return answer;
	}

	/** Milliseconds from {@code since} until the condition held (polled each second), or -1 after 2 minutes. */
	private static long until(java.util.function.BooleanSupplier condition, long since) {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) {
				return millisSince(since);
			}
			sleep(1000);
		}
		return -1;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public String table(Map<String, Object> result) {
		Map<String, Object> during = (Map<String, Object>) result.get("during");
		Map<String, Object> after = (Map<String, Object>) result.get("after");
		StringBuilder out = new StringBuilder("| check | result |\n|---|---|\n");
		FaultTables.row(out, "Keycloak down for (s)", String.format(Locale.ROOT, "%.0f", ((Number) result.get("downForMs")).longValue() / 1000.0));
		FaultTables.row(out, "acknowledged: intakes / ESB messages", result.get("intakesAcknowledged") + " / " + result.get("esbAcknowledged"));
		FaultTables.row(out, "calls with valid tokens while Keycloak was down / refused", result.get("callsWithValidTokensDuringOutage") + " / " + result.get("refusedDuringOutage"));
		Map<String, Object> signIn = (Map<String, Object>) during.get("signIn");
		FaultTables.row(out, "sign-in while down", signIn.get("status") + ", our page " + signIn.get("ourPage") + ", " + signIn.get("ms") + " ms");
		FaultTables.row(out, "token with a key never seen / password never checked, while down", status(during.get("unknownKeyToken")) + " / " + status(during.get("passwordNeverChecked")));
		FaultTables.row(out, "after Keycloak's return: sign-in sent to Keycloak / new token / unknown key 401 (ms)", after.get("signInRedirectsToKeycloakAfterMs") + " / " + after.get("newTokenAfterMs") + " / " + after.get("unknownKeyUnauthorizedAfterMs"));
		FaultTables.row(out, "**lost** / **duplicated**", result.get("lost") + " / " + result.get("duplicated"));
		FaultTables.row(out, "answers by phase, step and status", result.get("answers"));
		FaultTables.row(out, "passed", result.get("passed"));
		return out.toString();
	}

}
