package ru.telecom.crm.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands between the app and {@link ClickHouseServer} and passes every request on, so
 * that a test can make ClickHouse misbehave as a network would: {@link #holdInserts} lets
 * the next inserts reach ClickHouse and be stored, then keeps their answers until the
 * app's client has given up (the app sees a timeout for a batch ClickHouse holds). While
 * the server is stopped it answers 502, as a proxy in front of it would.
 */
public final class ClickHouseProxy {

	private static ClickHouseProxy instance;

	private final HttpServer server;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final AtomicInteger inserts = new AtomicInteger();

	private final AtomicInteger toHold = new AtomicInteger();

	private volatile Duration hold = Duration.ZERO;

	private ClickHouseProxy() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		// a held answer must not hold up the requests behind it
		ExecutorService threads = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "clickhouse-proxy");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(threads);
		this.server.createContext("/", this::forward);
		this.server.start();
	}

	/** The proxy, started on first use. */
	public static synchronized ClickHouseProxy get() {
		if (instance == null) {
			try {
				instance = new ClickHouseProxy();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return instance;
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The next {@code count} inserts reach ClickHouse, which stores them; their answers
	 * are kept back for {@code hold} (longer than the app's timeout) and then dropped.
	 */
	public void holdInserts(int count, Duration hold) {
		this.hold = hold;
		this.toHold.set(count);
	}

	/** Inserts passed on to ClickHouse so far, held ones included. */
	public int inserts() {
		return this.inserts.get();
	}

	private void forward(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			URI uri = exchange.getRequestURI();
			boolean insert = uri.getRawQuery() != null && uri.getRawQuery().contains("INSERT");
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ClickHouseServer.address() + uri))
				.timeout(Duration.ofSeconds(30))
				.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
			for (String header : List.of("X-ClickHouse-User", "X-ClickHouse-Key", "Content-Type")) {
				String value = exchange.getRequestHeaders().getFirst(header);
				if (value != null) {
					request.header(header, value);
				}
			}
			HttpResponse<byte[]> response;
			try {
				response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (IOException ex) {
				respond(exchange, 502, ("ClickHouse is down: " + ex).getBytes(StandardCharsets.UTF_8));
				return;
			}
			if (insert) {
				this.inserts.incrementAndGet();
				if (this.toHold.getAndUpdate((left) -> Math.max(left - 1, 0)) > 0) {
					// stored; the app's client times out before an answer would come
					Thread.sleep(this.hold.toMillis());
					return;
				}
			}
			respond(exchange, response.statusCode(), response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
