package ru.telecom.crm.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import ru.telecom.crm.support.KeycloakIntegrationTest;
import ru.telecom.crm.support.KeycloakServer;
import ru.telecom.crm.support.PlainHttpCookies;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to Tasklist through Keycloak as a browser does: the redirect to Keycloak's
 * login form, the password, the way back; and logging out for real.
 */
@KeycloakIntegrationTest
class KeycloakLoginIntegrationTests {

	private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	private final CookieManager cookies = new CookieManager(new PlainHttpCookies(), CookiePolicy.ACCEPT_ALL);

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "anna", "boris", "maria", "ivan", "petr", "olga", "sergey", "elena", "admin" })
	void everyDemoUserSignsInToTasklistThroughKeycloak(String name) throws Exception {
		HttpResponse<String> tasklist = signIn(name);

		assertThat(tasklist.statusCode()).isEqualTo(200);
		assertThat(tasklist.uri().toString()).startsWith(app("/camunda/app/tasklist/"));
		HttpResponse<String> user = get(app("/camunda/api/admin/auth/user/default"));
		assertThat(user.body()).contains("\"userId\":\"" + name + "\"").contains("tasklist");
		boolean manager = List.of("maria", "olga", "elena", "admin").contains(name);
		assertThat(user.body().contains("cockpit")).as("Cockpit for %s", name).isEqualTo(manager);
	}

	@Test
	void aWrongPasswordStaysAtKeycloak() throws Exception {
		HttpResponse<String> login = get(app("/camunda/app/tasklist/default/"));

		HttpResponse<String> refused = submit(login, "ivan", "not-his-password");

		assertThat(refused.uri().toString()).startsWith(KeycloakServer.url());
		assertThat(refused.body()).contains("kc-form-login");
	}

	@Test
	void loggingOutOfTasklistEndsTheKeycloakSessionToo() throws Exception {
		signIn("olga");

		HttpResponse<String> logout = this.browser
			.send(HttpRequest.newBuilder(URI.create(app("/camunda/api/admin/auth/user/default/logout")))
				.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(logout.statusCode()).isEqualTo(200);

		HttpResponse<String> next = get(app("/camunda/app/tasklist/default/"));
		assertThat(next.uri().toString()).startsWith(KeycloakServer.url());
		assertThat(next.body()).as("the next page asks for the password").contains("kc-form-login");
	}

	@Test
	void theLogoutPageSendsTheBrowserToKeycloaksEndSession() throws Exception {
		signIn("boris");
		HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(this.cookies).build();

		HttpResponse<String> logout = noRedirects.send(HttpRequest.newBuilder(URI.create(app("/logout"))).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location").orElseThrow())
			.startsWith(KeycloakServer.issuer() + "/protocol/openid-connect/logout")
			.contains("id_token_hint=")
			.contains("post_logout_redirect_uri=");
	}

	private HttpResponse<String> signIn(String user) throws Exception {
		HttpResponse<String> login = get(app("/camunda/app/tasklist/default/"));
		assertThat(login.uri().toString()).as("sent to Keycloak").startsWith(KeycloakServer.url());
		return submit(login, user, user);
	}

	private HttpResponse<String> submit(HttpResponse<String> loginPage, String user, String password)
			throws IOException, InterruptedException {
		Matcher form = LOGIN_FORM.matcher(loginPage.body());
		assertThat(form.find()).as("Keycloak's login form").isTrue();
		String action = form.group(1).replace("&amp;", "&");
		String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
		return this.browser.send(HttpRequest.newBuilder(URI.create(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cookie " + name));
	}

	private String app(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
