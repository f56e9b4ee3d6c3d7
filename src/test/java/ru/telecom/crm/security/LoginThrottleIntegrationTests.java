package ru.telecom.crm.security;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.RawHttp;
import ru.telecom.crm.support.RawHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords at every door of the embedded default, from addresses of the test's
 * choosing (127.0.0.x): five failures lock that user out for that address only, with 429
 * and Retry-After; the real user, elsewhere, signs in all along, and no number of
 * failures locks an account for good.
 */
@PostgresIntegrationTest
class LoginThrottleIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Test
	void fiveWrongPasswordsOnTheApiLockThatAddressOutWhileTheAdministratorWorksOnFromHers() {
		RawHttp attacker = new RawHttp(this.port).from("127.0.0.21");
		RawHttp admin = new RawHttp(this.port);

		for (int i = 0; i < 5; i++) {
			assertThat(api(attacker, "/api/services", "admin", "guess-" + i).status()).isEqualTo(401);
		}
		Response locked = api(attacker, "/api/services", "admin", "admin");
		Response engine = api(attacker, "/engine-rest/user", "admin", "admin");

		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
		assertThat(locked.body()).contains("\"type\":\"urn:problem-type:crm:too-many-requests\"");
		assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 60);
		assertThat(engine.status()).isEqualTo(429);
		assertThat(api(admin, "/api/services", "admin", "admin").status()).isEqualTo(200);
		assertThat(api(admin, "/engine-rest/user", "admin", "admin").status()).isEqualTo(200);
		// another user from the attacker's address is not locked out
		assertThat(api(attacker, "/api/services", "anna", "anna").status()).isEqualTo(200);
	}

	@Test
	void noNumberOfWrongPasswordsFromAnywhereLocksTheEsbAccountOut() {
		// fifteen failures: Camunda's own lock would have shut esb out for good after ten
		for (String address : new String[] { "127.0.0.31", "127.0.0.32", "127.0.0.33" }) {
			RawHttp attacker = new RawHttp(this.port).from(address);
			for (int i = 0; i < 5; i++) {
				assertThat(api(attacker, "/api/services", "esb", "guess-" + i).status()).isEqualTo(401);
			}
			assertThat(api(attacker, "/api/services", "esb", "esb").status()).isEqualTo(429);
		}

		Response message = new RawHttp(this.port).request("POST", "/api/channels/esb")
			.header("Authorization", RawHttp.basic("esb", "esb"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.json("{\"clientPhone\":\"+79007778899\",\"orderCode\":\"ORD-3001\",\"description\":\"Still here\"}")
			.send();

		assertThat(message.status()).isEqualTo(202);
	}

	@Test
	void aRightPasswordStartsTheCountAfresh() {
		RawHttp forgetful = new RawHttp(this.port).from("127.0.0.22");

		for (int i = 0; i < 4; i++) {
			assertThat(api(forgetful, "/api/services", "boris", "typo-" + i).status()).isEqualTo(401);
		}
		assertThat(api(forgetful, "/api/services", "boris", "boris").status()).isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			assertThat(api(forgetful, "/api/services", "boris", "typo-" + i).status()).isEqualTo(401);
		}

		assertThat(api(forgetful, "/api/services", "boris", "boris").status()).isEqualTo(200);
	}

	@Test
	void camundasOwnLoginIsThrottledTheSameWay() {
		RawHttp attacker = new RawHttp(this.port).from("127.0.0.41");

		for (int i = 0; i < 5; i++) {
			assertThat(tasklistLogin(attacker, "admin", "guess-" + i).status()).isEqualTo(401);
		}
		Response locked = tasklistLogin(attacker, "admin", "admin");
		Response elsewhere = tasklistLogin(new RawHttp(this.port), "admin", "admin");

		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.body()).contains("urn:problem-type:crm:too-many-requests");
		assertThat(locked.header("Retry-After")).isNotNull();
		assertThat(elsewhere.status()).isEqualTo(200);
		assertThat(elsewhere.body()).contains("\"userId\":\"admin\"");
	}

	@Test
	void theConsolesSignInFormIsThrottledTheSameWay() {
		RawHttp attacker = new RawHttp(this.port).from("127.0.0.51");

		for (int i = 0; i < 5; i++) {
			Response refused = consoleLogin(attacker, "maria", "guess-" + i);
			assertThat(refused.status()).isEqualTo(302);
			assertThat(refused.header("Location")).contains("/login?error");
		}
		Response locked = consoleLogin(attacker, "maria", "maria");
		Response elsewhere = consoleLogin(new RawHttp(this.port), "maria", "maria");

		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.body()).contains("urn:problem-type:crm:too-many-requests");
		assertThat(elsewhere.status()).isEqualTo(302);
		assertThat(elsewhere.header("Location")).doesNotContain("error");
	}

	private static Response api(RawHttp from, String path, String user, String password) {
		return from.request("GET", path).header("Authorization", RawHttp.basic(user, password)).send();
	}

	/** Tasklist's login as the browser sends it: its session and XSRF token first. */
	private static Response tasklistLogin(RawHttp from, String user, String password) {
		Response page = from.request("GET", "/camunda/app/tasklist/default/").send();
		String xsrf = page.cookie("XSRF-TOKEN");
		return from.request("POST", "/camunda/api/admin/auth/user/default/login/tasklist")
			.header("Cookie", "XSRF-TOKEN=" + xsrf + "; JSESSIONID=" + page.cookie("JSESSIONID"))
			.header("X-XSRF-TOKEN", xsrf)
			.form("username=" + user + "&password=" + password)
			.send();
	}

	/** The console's form as the browser sends it: its session and CSRF token first. */
	private static Response consoleLogin(RawHttp from, String user, String password) {
		Response page = from.request("GET", "/login").send();
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).isTrue();
		return from.request("POST", "/login")
			.header("Cookie", "JSESSIONID=" + page.cookie("JSESSIONID"))
			.form("username=" + user + "&password=" + password + "&_csrf=" + csrf.group(1))
			.send();
	}

}
