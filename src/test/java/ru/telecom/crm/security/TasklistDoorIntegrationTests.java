package ru.telecom.crm.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's doors attacked through the API Tasklist and Cockpit call
 * ({@code /camunda/api/engine}), signed in to Tasklist with a session as a browser is.
 */
@PostgresIntegrationTest
class TasklistDoorIntegrationTests extends EngineDoorScenario {

	private final Map<String, List<String>> sessions = new ConcurrentHashMap<>();

	@Override
	HttpHeaders as(String user) {
		List<String> session = this.sessions.computeIfAbsent(user, this::signIn);
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-XSRF-TOKEN", session.get(0));
		headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + session.get(0) + "; JSESSIONID=" + session.get(1));
		return headers;
	}

	@Override
	String engine() {
		return "/camunda/api/engine/engine/default";
	}

	/**
	 * Signs in as Tasklist does: its page's session and XSRF token, then the login call.
	 */
	private List<String> signIn(String user) {
		ResponseEntity<String> page = this.rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		String xsrf = cookie(page, "XSRF-TOKEN");
		String session = cookie(page, "JSESSIONID");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add("X-XSRF-TOKEN", xsrf);
		headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf + "; JSESSIONID=" + session);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", user);
		ResponseEntity<String> login = this.rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
				HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
		String signedIn = (cookie(login, "JSESSIONID") != null) ? cookie(login, "JSESSIONID") : session;
		// the session is new after signing in: Tasklist's next read fetches its XSRF
		// token
		HttpHeaders fetch = new HttpHeaders();
		fetch.add("X-XSRF-TOKEN", "Fetch");
		fetch.add(HttpHeaders.COOKIE, "JSESSIONID=" + signedIn);
		ResponseEntity<String> whoAmI = this.rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
				new HttpEntity<>(fetch), String.class);
		assertThat(whoAmI.getStatusCode()).isEqualTo(HttpStatus.OK);
		String token = (cookie(whoAmI, "XSRF-TOKEN") != null) ? cookie(whoAmI, "XSRF-TOKEN")
				: whoAmI.getHeaders().getFirst("X-XSRF-TOKEN");
		return List.of(token, signedIn);
	}

	private static String cookie(ResponseEntity<?> response, String name) {
		return response.getHeaders()
			.getOrEmpty(HttpHeaders.SET_COOKIE)
			.stream()
			.filter((cookie) -> cookie.startsWith(name + "="))
			.map((cookie) -> cookie.substring(name.length() + 1, cookie.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

}
