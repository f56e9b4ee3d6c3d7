package ru.telecom.crm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Prometheus (Debian's {@code prometheus} package) scraping the app under test as
 * two targets, {@code 127.0.0.1} and {@code localhost}: two nodes that export the same
 * truth, as two app nodes on one database do. Scrapes every second with the scrape user;
 * stopped when the test run ends.
 */
public final class PrometheusServer {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String url;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private PrometheusServer(String url) {
		this.url = url;
	}

	/** Starts Prometheus scraping the app at {@code appPort}. */
	public static PrometheusServer scraping(int appPort, String user, String password) {
		Path binary = Path.of(System.getProperty("crm.test.prometheus", "/usr/bin/prometheus"));
		if (!Files.isExecutable(binary)) {
			throw new IllegalStateException("No Prometheus at " + binary
					+ ": install Debian's package (apt-get install prometheus), as .ci/run does");
		}
		try {
			Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "prometheus-");
			Files.writeString(home.resolve("prometheus.yml"), """
					global:
					  scrape_interval: 1s
					  scrape_timeout: 1s
					scrape_configs:
					  - job_name: crm
					    metrics_path: /actuator/prometheus
					    basic_auth:
					      username: %s
					      password: %s
					    static_configs:
					      - targets: ["127.0.0.1:%d", "localhost:%d"]
					""".formatted(user, password, appPort, appPort));
			int port = LocalPorts.free();
			Process prometheus = new ProcessBuilder(binary.toString(),
					"--config.file=" + home.resolve("prometheus.yml"), "--storage.tsdb.path=" + home.resolve("data"),
					"--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
				.redirectErrorStream(true)
				.redirectOutput(home.resolve("prometheus.log").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(prometheus::destroy));
			PrometheusServer server = new PrometheusServer("http://127.0.0.1:" + port);
			server.awaitTargetsUp(prometheus, home);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An instant query's result: {@code data.result}, an array of series. */
	public JsonNode query(String promQl) {
		JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8));
		if (!"success".equals(answer.path("status").asText())) {
			throw new IllegalStateException("Prometheus refused " + promQl + ": " + answer);
		}
		return answer.path("data").path("result");
	}

	/** A range query over the last {@code range}, one point per step. */
	public JsonNode queryRange(String promQl, Duration range, Duration step) {
		long end = System.currentTimeMillis() / 1000;
		JsonNode answer = get("/api/v1/query_range?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8)
				+ "&start=" + (end - range.toSeconds()) + "&end=" + end + "&step=" + step.toSeconds());
		if (!"success".equals(answer.path("status").asText())) {
			throw new IllegalStateException("Prometheus refused " + promQl + ": " + answer);
		}
		return answer.path("data").path("result");
	}

	private JsonNode get(String path) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.url + path)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitTargetsUp(Process prometheus, Path home) {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (System.nanoTime() < deadline) {
			if (!prometheus.isAlive()) {
				throw new IllegalStateException("Prometheus stopped; see " + home.resolve("prometheus.log"));
			}
			try {
				if (query("count(up{job=\"crm\"} == 1)").path(0).path("value").path(1).asText().equals("2")) {
					return;
				}
			}
			catch (UncheckedIOException ex) {
				// not listening yet
			}
			sleep();
		}
		throw new IllegalStateException(
				"Prometheus did not scrape both targets within a minute; see " + home.resolve("prometheus.log"));
	}

	private static void sleep() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
