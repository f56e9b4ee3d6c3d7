package ru.telecom.crm.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's session with the console, for the console's integration tests: cookies
 * kept, the CSRF token of the last page (or refused form) sent back with the next form.
 */
public final class ConsoleSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final int port;

	private String csrf;

	/** A session of nobody yet. */
	public ConsoleSession(int port) {
		this.port = port;
	}

	/** A session of the demo user (password = user name), past the console's login. */
	public static ConsoleSession signedIn(int port, String user) throws IOException, InterruptedException {
		ConsoleSession session = new ConsoleSession(port);
		session.get("/login");
		session.signIn(user);
		return session;
	}

	/** Signs this session in; signing in starts a new session with a new CSRF token. */
	public void signIn(String user) throws IOException, InterruptedException {
		HttpResponse<String> done = post("/login", Map.of("username", user, "password", user));
		assertThat(done.headers().firstValue("Location")).as("%s signs in", user)
			.hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
		get("/requests");
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(path, Map.of());
	}

	/** A page, with headers of the test's own (e.g. {@link StatementCounter#HEADER}). */
	public HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		headers.forEach(request::header);
		return keepToken(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
	}

	/** A form, with the session's CSRF token. */
	public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
		if (this.csrf == null) {
			get("/login");
		}
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", this.csrf);
		return keepToken(postWithoutToken(path, fields));
	}

	/** A form as a forger would send it: no CSRF token but what the caller puts in. */
	public HttpResponse<String> postWithoutToken(String path, Map<String, String> form)
			throws IOException, InterruptedException {
		return postBody(path,
				form.entrySet()
					.stream()
					.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
					.collect(Collectors.joining("&")));
	}

	/** An url-encoded body as it is, e.g. from a session that was never signed in. */
	public HttpResponse<String> postBody(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A file in the multipart part {@code file}, the token in the address. */
	public HttpResponse<String> upload(String path, String fileName, byte[] content)
			throws IOException, InterruptedException {
		String boundary = "consoleTestBoundary42";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(uri(path + "?_csrf=" + encode(this.csrf)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> keepToken(HttpResponse<String> response) {
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return response;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
