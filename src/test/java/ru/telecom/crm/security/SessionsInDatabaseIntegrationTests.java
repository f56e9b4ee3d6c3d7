package ru.telecom.crm.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user signed in keeps working when their node goes (issue 16): the console's and
 * Tasklist's sessions are rows of our database, written with every attribute serialized,
 * read back by a session repository of its own (as another node of the cluster reads
 * them), and a session another node wrote is accepted here. Nothing of a session stays in
 * this node's memory: its row deleted, the cookie signs nobody in.
 */
@PostgresIntegrationTest
class SessionsInDatabaseIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

	private static final Pattern XSRF = Pattern.compile("XSRF-TOKEN=([^;]+)");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aConsoleSignInLivesInTheDatabaseAndAnotherNodeTakesItOn() throws Exception {
		HttpResponse<String> login = get("/login", null);
		String before = cookie(login, SESSION);
		Matcher csrf = CSRF.matcher(login.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> signedIn = this.http.send(request("/login", before)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"username=anna&password=anna&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
		String session = cookie(signedIn, SESSION);
		assertThat(get("/requests", session).statusCode()).isEqualTo(200);

		// its row, every attribute readable by another node
		String id = decode(session);
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Long.class, id))
			.isEqualTo(1);
		Session read = otherNode().findById(id);
		assertThat(read).isNotNull();
		assertThat(read.getAttributeNames()).isNotEmpty()
			.allSatisfy((name) -> assertThat((Object) read.getAttribute(name)).as(name).isNotNull());
		assertThat(signedInUser(read)).isEqualTo("anna");

		// a session another node wrote (the same attributes under a new id) works here
		String written = copiedByAnotherNode(read);
		HttpResponse<String> requests = get("/requests", encode(written));
		assertThat(requests.statusCode()).isEqualTo(200);
		assertThat(requests.body()).contains("<span class=\"user\">Anna Volkova</span>");

		// and nothing of it is kept in this node's memory
		this.jdbc.update("delete from spring_session where session_id = ?", id);
		HttpResponse<String> gone = get("/requests", session);
		assertThat(gone.statusCode()).isEqualTo(302);
		assertThat(gone.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

	@Test
	void aTasklistSignInLivesInTheDatabaseAndAnotherNodeTakesItOn() throws Exception {
		HttpResponse<String> page = get("/camunda/app/tasklist/default/", null);
		String xsrf = cookie(page, XSRF);
		String before = cookie(page, SESSION);
		HttpResponse<String> login = this.http
			.send(request("/camunda/api/admin/auth/user/default/login/tasklist", before)
				.header("Cookie", "XSRF-TOKEN=" + xsrf + "; JSESSIONID=" + before)
				.header("X-XSRF-TOKEN", xsrf)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=ivan&password=ivan"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(200);
		String session = (cookie(login, SESSION) != null) ? cookie(login, SESSION) : before;

		Session read = otherNode().findById(decode(session));
		assertThat(read).isNotNull();
		assertThat(read.getAttributeNames())
			.allSatisfy((name) -> assertThat((Object) read.getAttribute(name)).as(name).isNotNull());
		assertThat(signedInUser(read)).isEqualTo("ivan");

		String written = copiedByAnotherNode(read);
		HttpResponse<String> whoAmI = this.http
			.send(request("/camunda/api/admin/auth/user/default", encode(written)).header("X-XSRF-TOKEN", "Fetch")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(whoAmI.statusCode()).isEqualTo(200);
		assertThat(whoAmI.body()).contains("\"userId\":\"ivan\"");
		HttpResponse<String> tasks = this.http
			.send(request("/camunda/api/engine/engine/default/task/count", encode(written))
				.header("X-XSRF-TOKEN", "Fetch")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tasks.statusCode()).isEqualTo(200);
	}

	@Test
	void theApisBasicCallsWriteNoSession() throws Exception {
		long before = sessions();
		HttpResponse<String> services = this.http.send(request("/api/services", null)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("anna:anna".getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(services.statusCode()).isEqualTo(200);
		assertThat(services.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
		assertThat(sessions()).isEqualTo(before);
	}

	private long sessions() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Long.class);
	}

	/**
	 * Another node's view of the sessions: a repository of its own on the same database.
	 */
	private JdbcIndexedSessionRepository otherNode() {
		return new JdbcIndexedSessionRepository(this.jdbc, new TransactionTemplate(this.transactions));
	}

	private String copiedByAnotherNode(Session read) {
		return copy(otherNode(), read);
	}

	private static <S extends Session> String copy(SessionRepository<S> other, Session read) {
		S copy = other.createSession();
		Session written = copy;
		read.getAttributeNames().forEach((name) -> written.setAttribute(name, read.getAttribute(name)));
		other.save(copy);
		return written.getId();
	}

	/**
	 * The user of Camunda's webapps in the session (its key in AuthenticationUtil), as
	 * the console shares it.
	 */
	private static String signedInUser(Session session) {
		Authentications authentications = session.getAttribute("authenticatedUser");
		assertThat(authentications).isNotNull();
		return authentications.getAuthenticationForProcessEngine("default").getName();
	}

	private HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
		return this.http.send(request(path, session).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String session) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
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

	/** Spring Session's cookie holds the session's id in Base64. */
	private static String decode(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	private static String encode(String id) {
		return Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8));
	}

}
