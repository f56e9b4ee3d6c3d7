package ru.telecom.crm.showcase;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.Dashboards;
import ru.telecom.crm.support.Dashboards.ApiQuery;
import ru.telecom.crm.support.GrafanaSignIn;
import ru.telecom.crm.support.KeycloakIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report panel of the Grafana boards asked of the running app as Grafana asks it:
 * the board's default time range put in its URL, the signed-in manager's access token as
 * Keycloak issued it to the {@code crm-grafana} client, forwarded as a bearer token. The
 * answer has rows and every field the panel shows, and each manager sees their scope
 * only. Work group 100 (olga's, engineer ivan) and 200 (elena's, engineer sergey) each
 * get an open and a closed incident.
 */
@KeycloakIntegrationTest
class KeycloakGrafanaPanelsIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Map<String, String> tokens = new ConcurrentHashMap<>();

	private static boolean seeded;

	private final TestRestTemplate rest;

	private final RequestActions requestActions;

	private final IncidentActions incidentActions;

	private final AsUser as;

	@Autowired
	KeycloakGrafanaPanelsIntegrationTests(TestRestTemplate rest, RequestActions requestActions,
			IncidentActions incidentActions, IdentityService identity) {
		this.rest = rest;
		this.requestActions = requestActions;
		this.incidentActions = incidentActions;
		this.as = new AsUser(identity);
	}

	@BeforeEach
	void seedBothGroupsOnce() {
		if (seeded) {
			return;
		}
		incident(1001, null);
		incident(1001, "ivan");
		incident(2001, null);
		incident(2001, "sergey");
		seeded = true;
	}

	@Test
	void grafanasTokenIsForOurApi() {
		JsonNode claims = claims(token("olga"));

		assertThat(claims.path("azp").asText()).isEqualTo(GrafanaSignIn.CLIENT_ID);
		assertThat(claims.path("aud").toString()).contains("\"crm-api\"");
		assertThat(claims.path("preferred_username").asText()).isEqualTo("olga");
		assertThat(claims.path("realm_access").path("roles").toString()).contains("SL3Manager");
	}

	@ParameterizedTest
	@ValueSource(strings = { "olga", "maria", "admin" })
	void everyReportPanelGetsRowsWithEveryFieldItShows(String user) {
		List<ApiQuery> queries = queries();
		assertThat(queries).hasSize(4);
		for (ApiQuery query : queries) {
			JsonNode rows = rows(user, query);
			assertThat(rows.size()).as("%s for %s", query.query(), user).isPositive();
			for (Dashboards.Column column : query.columns()) {
				String where = query.query() + " " + column.text() + " (" + column.selector() + ") for " + user;
				boolean shown = false;
				for (JsonNode row : rows) {
					JsonNode value = at(row, column.selector());
					assertThat(value.isMissingNode()).as("%s in %s", where, row).isFalse();
					shown |= !value.isNull();
					bucketTitled(row, column, where);
				}
				assertThat(shown).as("%s has a value in some row", where).isTrue();
			}
		}
	}

	@Test
	void aManagerOfOneGroupSeesOnlyHerGroup() {
		for (ApiQuery query : queries()) {
			if (query.url().contains("engineer-performance")) {
				assertThat(names("olga", query, "engineer")).contains("ivan").doesNotContain("sergey");
				assertThat(names("elena", query, "engineer")).contains("sergey").doesNotContain("ivan");
				assertThat(names("admin", query, "engineer")).contains("ivan", "sergey");
			}
			else {
				assertThat(query.url()).as("%s", query.query()).contains("groupBy=group");
				assertThat(names("olga", query, "key")).as("%s", query.query()).containsExactly("100");
				assertThat(names("elena", query, "key")).as("%s", query.query()).containsExactly("200");
				assertThat(names("admin", query, "key")).as("%s", query.query()).contains("100", "200");
			}
		}
	}

	/** The boards' report queries over each board's default range, ending now. */
	private static List<ApiQuery> queries() {
		List<ApiQuery> queries = new ArrayList<>();
		Instant now = Instant.now().plusSeconds(60);
		for (Path board : Dashboards.boards()) {
			Duration range = Dashboards.defaultRange(Dashboards.read(board));
			queries.addAll(Dashboards.apiQueries(board, Dashboards.period(now, range, Duration.ofMinutes(1))));
		}
		return queries;
	}

	private JsonNode rows(String user, ApiQuery query) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token(user));
		ResponseEntity<JsonNode> answer = this.rest.exchange(query.url(), HttpMethod.GET, new HttpEntity<>(headers),
				JsonNode.class);
		assertThat(answer.getStatusCode().value()).as("%s for %s: %s", query.url(), user, answer.getBody())
			.isEqualTo(200);
		JsonNode rows = at(answer.getBody(), query.rootSelector());
		assertThat(rows.isArray()).as("%s: rows at %s", query.query(), query.rootSelector()).isTrue();
		return rows;
	}

	private Set<String> names(String user, ApiQuery query, String field) {
		Set<String> names = new TreeSet<>();
		rows(user, query).forEach((row) -> names.add(row.path(field).asText()));
		return names;
	}

	/** A column of a bucket's count ({@code ages.0.count}) is titled with that bucket. */
	private static void bucketTitled(JsonNode row, Dashboards.Column column, String where) {
		if (column.selector().endsWith(".count")) {
			String bucket = column.selector().replaceFirst("\\.count$", ".bucket");
			assertThat(column.text()).as(where).isEqualTo(at(row, bucket).asText());
		}
	}

	/** The node at a dotted path, as Infinity's backend parser finds it. */
	private static JsonNode at(JsonNode node, String path) {
		JsonNode current = node;
		for (String name : path.split("\\.")) {
			current = name.chars().allMatch(Character::isDigit) ? current.path(Integer.parseInt(name))
					: current.path(name);
		}
		return current;
	}

	private static String token(String user) {
		return tokens.computeIfAbsent(user, GrafanaSignIn::accessToken);
	}

	private static JsonNode claims(String token) {
		try {
			return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An incident of the service's work group; closed by the engineer when one is given.
	 */
	private void incident(int service, String engineer) {
		ServiceRequestView request = this.as.get("anna", () -> this.requestActions
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Grafana panels", Priority.NORMAL)));
		IncidentView incident = this.as.get("anna", () -> this.requestActions.openIncident(request.id(), service));
		if (engineer != null) {
			this.as.run("admin", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
					new TransitionDetails(engineer, null, null)));
			for (IncidentStatus status : List.of(IncidentStatus.INWORK, IncidentStatus.CLOSED)) {
				this.as.run("admin", () -> this.incidentActions.changeStatus(incident.id(), status,
						new TransitionDetails(null, "Done", null)));
			}
		}
	}

}
