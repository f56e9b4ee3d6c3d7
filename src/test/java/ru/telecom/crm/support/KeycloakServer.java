package ru.telecom.crm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Keycloak for the tests: the distribution the build unpacked from Maven Central,
 * started once per test run on a free local port with our realm imported, stopped when
 * the run ends. Client secrets are made up for the run.
 */
public final class KeycloakServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String REALM = "crm";

	public static final String CLIENT_ID = "crm-app";

	public static final String CLIENT_SECRET = "test-" + UUID.randomUUID();

	public static final String CHANNELS_SECRET = "test-" + UUID.randomUUID();

	public static final String METRICS_SECRET = "test-" + UUID.randomUUID();

	public static final String GRAFANA_SECRET = "test-" + UUID.randomUUID();

	public static final String ADMIN_PASSWORD = "test-" + UUID.randomUUID();

	private static String url;

	private static KeycloakProxy proxy;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("crm.keycloak.url=" + url(), "crm.keycloak.client-secret=" + CLIENT_SECRET,
					"crm.keycloak.clock-skew=0s")
			.applyTo(context);
	}

	/**
	 * Keycloak's base URL, starting it on first use: its {@link KeycloakProxy}'s, which
	 * the app and the tests alike use.
	 */
	public static synchronized String url() {
		if (url == null) {
			int port = start();
			try {
				proxy = new KeycloakProxy(port);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			url = "http://127.0.0.1:" + proxy.port();
		}
		return url;
	}

	/** The proxy in front of Keycloak, to take Keycloak away and bring it back. */
	public static synchronized KeycloakProxy proxy() {
		url();
		return proxy;
	}

	public static String issuer() {
		return url() + "/realms/" + REALM;
	}

	private static int start() {
		Path home = Path.of(System.getProperty("crm.test.keycloak.home", "target/keycloak/keycloak-26.4.5"));
		if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
			throw new IllegalStateException("No Keycloak distribution at " + home.toAbsolutePath()
					+ ": run the tests with `mvn -B verify`, which unpacks org.keycloak:keycloak-quarkus-dist"
					+ " in pre-integration-test");
		}
		try {
			Path data = home.resolve("data");
			if (Files.exists(data)) {
				// a changed realm is not imported over an existing one
				try (Stream<Path> files = Files.walk(data)) {
					files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
				}
			}
			Files.createDirectories(data.resolve("import"));
			Files.copy(Path.of("src/main/docker/keycloak/crm-realm.json"), data.resolve("import/crm-realm.json"));
			int port = LocalPorts.free();
			ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
					"--http-host=127.0.0.1", "--http-port=" + port, "--import-realm", "--cache=local")
				.redirectErrorStream(true)
				.redirectOutput(Path.of("target/keycloak.log").toFile());
			builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
			builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
			builder.environment().put("CRM_KEYCLOAK_CLIENT_SECRET", CLIENT_SECRET);
			builder.environment().put("CRM_KEYCLOAK_CHANNELS_SECRET", CHANNELS_SECRET);
			builder.environment().put("CRM_KEYCLOAK_METRICS_SECRET", METRICS_SECRET);
			builder.environment().put("CRM_KEYCLOAK_GRAFANA_SECRET", GRAFANA_SECRET);
			Process keycloak = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				keycloak.descendants().forEach(ProcessHandle::destroy);
				keycloak.destroy();
			}));
			awaitRealm("http://127.0.0.1:" + port, keycloak);
			return port;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void awaitRealm(String base, Process keycloak) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI discovery = URI.create(base + "/realms/" + REALM + "/.well-known/openid-configuration");
		long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
		while (System.nanoTime() < deadline) {
			if (!keycloak.isAlive()) {
				throw new IllegalStateException("Keycloak stopped while starting; see target/keycloak.log");
			}
			try {
				if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException(
				"Keycloak did not serve realm " + REALM + " within 6 minutes; see target/keycloak.log");
	}

}
