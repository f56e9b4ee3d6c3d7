package ru.telecom.crm.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.RawHttp;
import ru.telecom.crm.support.RawHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's pages allow only the app's own files and no inline script, keep the
 * referrer to themselves, and their session cookie stays home on other sites' posts;
 * Camunda's webapps and Swagger UI keep their own policies.
 */
@PostgresIntegrationTest
class ConsoleHeadersIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Test
	void theSignInPageSendsTheStrictPolicyAndALaxSessionCookie() {
		Response login = new RawHttp(this.port).request("GET", "/login").send();

		assertThat(login.status()).isEqualTo(200);
		assertStrictPolicy(login);
		assertThat(login.headers("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("JSESSIONID="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).containsIgnoringCase("SameSite=Lax").contains("HttpOnly"));
	}

	@Test
	void everyConsolePageAndItsHtmxListsSendTheStrictPolicy() {
		RawHttp http = new RawHttp(this.port);
		String session = signIn(http, "maria");

		for (String path : new String[] { "/requests", "/incidents", "/clients?q=popov", "/orders",
				"/requests/999999999" }) {
			Response page = http.request("GET", path).header("Cookie", "JSESSIONID=" + session).send();
			assertThat(page.status()).as(path).isIn(200, 404);
			assertStrictPolicy(page);
		}
		Response list = http.request("GET", "/requests?q=x")
			.header("Cookie", "JSESSIONID=" + session)
			.header("HX-Request", "true")
			.send();
		assertStrictPolicy(list);
	}

	@Test
	void camundasWebappsAndSwaggerUiKeepTheirOwnPolicies() {
		Response tasklist = new RawHttp(this.port).request("GET", "/camunda/app/tasklist/default/").send();
		Response swagger = new RawHttp(this.port).request("GET", "/swagger-ui/index.html").send();

		assertThat(tasklist.status()).isEqualTo(200);
		assertThat(tasklist.header("Content-Security-Policy")).isNotEqualTo(ConsoleHeaders.CONTENT_SECURITY_POLICY)
			.contains("script-src");
		assertThat(swagger.header("Content-Security-Policy")).isNull();
	}

	private static void assertStrictPolicy(Response page) {
		assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'self'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
	}

	private static String signIn(RawHttp http, String user) {
		Response page = http.request("GET", "/login").send();
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).isTrue();
		Response done = http.request("POST", "/login")
			.header("Cookie", "JSESSIONID=" + page.cookie("JSESSIONID"))
			.form("username=" + user + "&password=" + user + "&_csrf=" + csrf.group(1))
			.send();
		assertThat(done.header("Location")).doesNotContain("error");
		return done.cookie("JSESSIONID");
	}

}
