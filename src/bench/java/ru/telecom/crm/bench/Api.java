package ru.telecom.crm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The app's HTTP API as a client sees it: HTTP Basic with the user's name as password
 * (the demo's and the bench users' convention), JSON bodies, no cookies, so every call
 * signs in as an integrator's would.
 */
final class Api {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String baseUrl;

	Api(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** One answer: its status (0 when the call failed before one came), body and time. */
	record Response(int status, String body, long nanos) {

		String statusKey() {
			return (this.status == 0) ? "I/O error" : Integer.toString(this.status);
		}

	}

	Response get(String user, String path) {
		return send(user, request(path).GET());
	}

	Response post(String user, String path, String json) {
		return send(user, request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A POST as Tasklist makes it: answered in HAL, with the tasks' linked resources. */
	Response postHal(String user, String path, String json) {
		return send(user, request(path).header("Content-Type", "application/json")
			.header("Accept", "application/hal+json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * A POST with headers of its own (name, value, …), for the channels; {@code user}
	 * null for a channel that signs in with a secret instead.
	 */
	Response post(String user, String path, String json, String... headers) {
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return send(user, builder);
	}

	Response put(String user, String path) {
		return send(user, request(path).PUT(HttpRequest.BodyPublishers.noBody()));
	}

	Response put(String user, String path, String json) {
		return send(user, request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A call without credentials, for the actuator. */
	Response anonymous(String path) {
		return send(null, request(path).GET());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(TIMEOUT);
	}

	private Response send(String user, HttpRequest.Builder builder) {
		if (user != null) {
			String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
			builder.header("Authorization", "Basic " + token);
		}
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), System.nanoTime() - start);
		}
		catch (IOException ex) {
			return new Response(0, ex.toString(), System.nanoTime() - start);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Response(0, "interrupted", System.nanoTime() - start);
		}
	}

}
