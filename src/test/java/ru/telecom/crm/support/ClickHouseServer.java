package ru.telecom.crm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real ClickHouse for the tests: Debian's {@code clickhouse-server} (18.16), started
 * once per test run as a process of its own (never a system service) in a temporary
 * directory, with its own configuration: local ports chosen for the run, listening on
 * 127.0.0.1 only, one user {@code crm} with a password made up for the run. Stopped when
 * the run ends; {@link #stop()} and {@link #start()} make an outage in between, keeping
 * the data. As a context initializer it points the app's history at it, through the
 * {@link ClickHouseProxy}.
 */
public final class ClickHouseServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String USER = "crm";

	public static final String PASSWORD = "test-" + UUID.randomUUID();

	private static final Duration STARTUP = Duration.ofMinutes(2);

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private static Path home;

	private static int httpPort;

	private static Process server;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		url();
		TestPropertyValues
			.of("crm.history.clickhouse.url=" + ClickHouseProxy.get().url(), "crm.history.clickhouse.user=" + USER,
					"crm.history.clickhouse.password=" + PASSWORD)
			.applyTo(context);
	}

	/** The server's HTTP address, starting it on first use. */
	public static synchronized String url() {
		if (home == null) {
			home = configure();
			Runtime.getRuntime().addShutdownHook(new Thread(ClickHouseServer::shutDown));
		}
		if (server == null || !server.isAlive()) {
			launch();
		}
		return "http://127.0.0.1:" + httpPort;
	}

	/** The server's HTTP address, whether it runs or not (during an outage). */
	static synchronized String address() {
		if (home == null) {
			url();
		}
		return "http://127.0.0.1:" + httpPort;
	}

	/** Starts the server again after {@link #stop()}, on the same port with its data. */
	public static synchronized void start() {
		url();
	}

	/** Stops the server, as an outage would; its data stays for {@link #start()}. */
	public static synchronized void stop() {
		if (server != null) {
			server.destroy();
			try {
				if (!server.waitFor(30, TimeUnit.SECONDS)) {
					server.destroyForcibly().waitFor();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			server = null;
		}
	}

	/**
	 * Runs a statement as {@code crm} and answers its output (e.g. TabSeparated); not
	 * during an outage.
	 */
	public static String query(String sql) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(address() + "/"))
			.header("X-ClickHouse-User", USER)
			.header("X-ClickHouse-Key", PASSWORD)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("ClickHouse refused " + sql + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A number the query answers (its first line). */
	public static long number(String sql) {
		return Long.parseLong(query(sql).strip());
	}

	private static Path configure() {
		Path binary = binary();
		try {
			Path dir = Files.createTempDirectory("crm-clickhouse-");
			httpPort = LocalPorts.free();
			int tcpPort = LocalPorts.free();
			Files.writeString(dir.resolve("config.xml"), """
					<?xml version="1.0"?>
					<yandex>
					  <logger>
					    <level>warning</level>
					    <log>%1$s/server.log</log>
					    <errorlog>%1$s/server.err.log</errorlog>
					    <console>0</console>
					  </logger>
					  <listen_host>127.0.0.1</listen_host>
					  <http_port>%2$d</http_port>
					  <tcp_port>%3$d</tcp_port>
					  <path>%1$s/data/</path>
					  <tmp_path>%1$s/tmp/</tmp_path>
					  <user_files_path>%1$s/user_files/</user_files_path>
					  <format_schema_path>%1$s/format_schemas/</format_schema_path>
					  <users_config>users.xml</users_config>
					  <default_profile>default</default_profile>
					  <default_database>default</default_database>
					  <mark_cache_size>268435456</mark_cache_size>
					  <timezone>UTC</timezone>
					  <mlock_executable>false</mlock_executable>
					</yandex>
					""".formatted(dir, httpPort, tcpPort));
			Files.writeString(dir.resolve("users.xml"), """
					<?xml version="1.0"?>
					<yandex>
					  <profiles><default/></profiles>
					  <users>
					    <%1$s>
					      <password>%2$s</password>
					      <networks><ip>127.0.0.1</ip></networks>
					      <profile>default</profile>
					      <quota>default</quota>
					    </%1$s>
					  </users>
					  <quotas><default/></quotas>
					</yandex>
					""".formatted(USER, PASSWORD));
			Files.writeString(dir.resolve("binary"), binary.toString());
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void launch() {
		try {
			Path binary = Path.of(Files.readString(home.resolve("binary")));
			server = new ProcessBuilder(binary.toString(), "--config-file=" + home.resolve("config.xml"))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("stdout.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		awaitPing();
	}

	private static void awaitPing() {
		URI ping = URI.create("http://127.0.0.1:" + httpPort + "/ping");
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				throw new IllegalStateException("ClickHouse stopped while starting; see "
						+ home.resolve("server.err.log") + " and " + home.resolve("stdout.log"));
			}
			try {
				if (http.send(HttpRequest.newBuilder(ping).build(), HttpResponse.BodyHandlers.ofString())
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
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("ClickHouse did not answer within " + STARTUP + "; see " + home);
	}

	/** Debian's server binary, or the one {@code -Dcrm.test.clickhouse.server} names. */
	private static Path binary() {
		String configured = System.getProperty("crm.test.clickhouse.server",
				System.getenv("CRM_TEST_CLICKHOUSE_SERVER"));
		Stream<Path> candidates = (configured != null && !configured.isBlank()) ? Stream.of(Path.of(configured))
				: Stream.of(Path.of("/usr/sbin/clickhouse-server"), Path.of("/usr/bin/clickhouse-server"),
						Path.of("/usr/bin/clickhouse"));
		return candidates.filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException("""
				The history's tests need a ClickHouse server and found none.
				Get Debian's with `bash .ci/run` (installs it), or: apt-get install clickhouse-server
				or name a binary with -Dcrm.test.clickhouse.server or CRM_TEST_CLICKHOUSE_SERVER."""));
	}

	private static void shutDown() {
		stop();
		try (Stream<Path> files = Files.walk(home)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind
		}
	}

}
