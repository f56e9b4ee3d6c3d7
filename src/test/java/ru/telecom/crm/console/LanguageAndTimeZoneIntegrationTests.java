package ru.telecom.crm.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.preference.UserPreferences;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.support.ConsoleSession;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The console in the user's language and time zone: the sign-in page's language switch
 * works and the choice sticks; each user's time zone is stored (Europe/Moscow until
 * chosen), every time on the pages is in it, and the API still answers in UTC.
 */
@PostgresIntegrationTest
class LanguageAndTimeZoneIntegrationTests {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

	@LocalServerPort
	int port;

	@Autowired
	RequestActions requests;

	@Autowired
	UserPreferences preferences;

	@Autowired
	org.camunda.bpm.engine.IdentityService identity;

	@Test
	void theSignInPagesLanguageSwitchWorksAndTheChoiceSticks() throws Exception {
		ConsoleSession visitor = new ConsoleSession(this.port);
		HttpResponse<String> english = visitor.get("/login");
		assertThat(english.body()).contains("<html lang=\"en\"").contains("href=\"?lang=ru\"");

		HttpResponse<String> switched = visitor.get("/login?lang=ru");
		assertThat(switched.statusCode()).isEqualTo(200);
		assertThat(switched.body()).contains("<html lang=\"ru\"").contains("Вход").contains("href=\"?lang=en\"");
		assertThat(switched.headers().allValues("Set-Cookie"))
			.anySatisfy((c) -> assertThat(c).startsWith("crm-lang=ru"));

		assertThat(visitor.get("/login").body()).as("the choice is kept").contains("<html lang=\"ru\"");
		visitor.signIn("maria");
		assertThat(visitor.get("/requests").body()).contains("<html lang=\"ru\"").contains("Заявки");
	}

	@Test
	void timesAreShownInTheUsersZoneMoscowUntilChosenWhileTheApiStaysUtc() throws Exception {
		ServiceRequestView request = new AsUser(this.identity).get("anna", List.of("helpdesk"), () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Time zone check", null)));
		String page = "/requests/" + request.id();
		ConsoleSession anna = signedIn("anna");
		ConsoleSession maria = signedIn("maria");

		assertThat(anna.get("/settings").body()).contains("<option value=\"Europe/Moscow\" selected=\"selected\"");
		assertThat(anna.get(page).body()).contains(shown(request.createdAt(), "Europe/Moscow"));

		HttpResponse<String> saved = anna.post("/settings", Map.of("timeZone", "Asia/Vladivostok"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(anna.get("/settings").body()).contains("<option value=\"Asia/Vladivostok\" selected=\"selected\"");
		assertThat(this.preferences.timeZone("anna")).isEqualTo(ZoneId.of("Asia/Vladivostok"));
		String vladivostok = anna.get(page).body();
		assertThat(vladivostok).contains(shown(request.createdAt(), "Asia/Vladivostok"))
			.doesNotContain(shown(request.createdAt(), "Europe/Moscow"));
		assertThat(anna.get("/requests").body()).contains(shown(request.createdAt(), "Asia/Vladivostok"));

		assertThat(maria.get(page).body()).as("another user keeps the default")
			.contains(shown(request.createdAt(), "Europe/Moscow"));
		assertThat(this.preferences.timeZone("maria")).isEqualTo(UserPreferences.DEFAULT_TIME_ZONE);

		JsonNode api = new ObjectMapper().readTree(apiGet("anna", "/api/service-requests/" + request.id()).body());
		assertThat(api.get("createdAt").asText()).endsWith("Z");
		// PostgreSQL keeps microseconds, rounded
		assertThat(Instant.parse(api.get("createdAt").asText())).isCloseTo(request.createdAt(),
				within(1, ChronoUnit.MICROS));
	}

	@Test
	void aZoneThatIsNoneIsRefusedOnItsFieldAndNothingIsStored() throws Exception {
		ConsoleSession olga = signedIn("olga");
		olga.get("/settings");
		assertThat(olga.post("/settings", Map.of("timeZone", "Asia/Omsk")).statusCode()).isEqualTo(302);

		for (String wrong : List.of("Mars/Olympus", "+03:00", "", "x".repeat(300))) {
			HttpResponse<String> refused = olga.post("/settings", Map.of("timeZone", wrong));
			assertThat(refused.statusCode()).as(wrong).isEqualTo(400);
			assertThat(refused.body()).contains("class=\"field-error\"").contains("aria-invalid=\"true\"");
			assertThat(this.preferences.timeZone("olga")).isEqualTo(ZoneId.of("Asia/Omsk"));
		}
		assertThat(new ConsoleSession(this.port).postBody("/settings", "timeZone=UTC").statusCode())
			.as("nobody signed in")
			.isIn(302, 403);
	}

	private static String shown(Instant moment, String zone) {
		return SHOWN.withZone(ZoneId.of(zone)).format(moment.truncatedTo(ChronoUnit.MINUTES));
	}

	private HttpResponse<String> apiGet(String user, String path) throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private ConsoleSession signedIn(String user) throws IOException, InterruptedException {
		return ConsoleSession.signedIn(this.port, user);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
