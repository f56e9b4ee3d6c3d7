package ru.telecom.crm.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The app's HTTP API as a client sees it: HTTP Basic with the user's name as password
 * (the demo's and the bench users' convention), JSON bodies, no cookies, so every call
 * signs in as an integrator's would. {@link #balanced} spreads the calls over several
 * nodes in turn, as a load balancer would: a call a node refused to connect (it is down)
 * goes to the next one at once, since it never reached a server; a call a node dropped
 * after it was sent is the caller's to retry.
 */
final class Api {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final List<String> baseUrls;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicLongArray answered;

	Api(String baseUrl) {
		this(List.of(baseUrl));
	}

	private Api(List<String> baseUrls) {
		this.baseUrls = List.copyOf(baseUrls);
		this.answered = new AtomicLongArray(baseUrls.size());
	}

	/** The nodes in turn, call by call. */
	static Api balanced(List<String> baseUrls) {
		return new Api(baseUrls);
	}

	/** Calls each node answered (any status), in the order of the base URLs. */
	long[] answeredPerNode() {
		long[] counts = new long[this.answered.length()];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = this.answered.get(i);
		}
		return counts;
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
		int node = Math.floorMod(this.next.getAndIncrement(), this.baseUrls.size());
		return HttpRequest.newBuilder(URI.create(this.baseUrls.get(node) + path)).timeout(TIMEOUT);
	}

	private Response send(String user, HttpRequest.Builder builder) {
		if (user != null) {
			String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
			builder.header("Authorization", "Basic " + token);
		}
		long start = System.nanoTime();
		HttpRequest request = builder.build();
		for (int tried = 1;; tried++) {
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				this.answered.incrementAndGet(node(request));
				return new Response(response.statusCode(), response.body(), System.nanoTime() - start);
			}
			catch (ConnectException ex) {
				if (tried >= this.baseUrls.size()) {
					return new Response(0, ex.toString(), System.nanoTime() - start);
				}
				// refused: the node is down, the call never reached it; the next node
				int node = node(request);
				String path = request.uri().toString().substring(this.baseUrls.get(node).length());
				request = builder.uri(URI.create(this.baseUrls.get((node + 1) % this.baseUrls.size()) + path)).build();
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

	private int node(HttpRequest request) {
		String uri = request.uri().toString();
		for (int i = 0; i < this.baseUrls.size(); i++) {
			if (uri.startsWith(this.baseUrls.get(i) + "/")) {
				return i;
			}
		}
		return 0;
	}

}
