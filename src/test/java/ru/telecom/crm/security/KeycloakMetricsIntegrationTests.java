package ru.telecom.crm.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.support.KeycloakIntegrationTest;
import ru.telecom.crm.support.KeycloakServer;
import ru.telecom.crm.support.KeycloakTokens;
import ru.telecom.crm.support.PostgresDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Keycloak, Prometheus scrapes with the {@code crm-metrics} client's own token
 * (client credentials, the realm role metrics-reader); no person's token and no password
 * opens the metrics. Grafana's client puts in its ID token what Grafana maps to its
 * roles.
 */
@KeycloakIntegrationTest
class KeycloakMetricsIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Test
	void theMetricsClientsTokenScrapes() {
		ResponseEntity<String> scraped = scrape(KeycloakTokens.ofClient("crm-metrics", KeycloakServer.METRICS_SECRET));

		assertThat(scraped.getStatusCode().value()).isEqualTo(200);
		assertThat(scraped.getBody()).contains("crm_open_item_series_left_out_current");
	}

	@Test
	void noOtherTokenNorThePasswordScrapes() {
		assertThat(scrape(null).getStatusCode().value()).isEqualTo(401);
		assertThat(scrape(KeycloakTokens.ofChannels()).getStatusCode().value()).isEqualTo(403);
		assertThat(scrape(KeycloakTokens.of("admin")).getStatusCode().value()).isEqualTo(403);
		assertThat(scrape(KeycloakTokens.of("maria")).getStatusCode().value()).isEqualTo(403);

		HttpHeaders basic = new HttpHeaders();
		basic.setBasicAuth("metrics", PostgresDatabases.SCRAPE_PASSWORD);
		assertThat(this.rest.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(basic), String.class)
			.getStatusCode()
			.value()).isEqualTo(401);
	}

	@Test
	void grafanasIdTokenCarriesTheRolesAndGroupsItMaps() {
		assertThat(idToken("maria").path("realm_access").path("roles").toString()).contains("HelpDeskManager");
		assertThat(idToken("olga").path("realm_access").path("roles").toString()).contains("SL3Manager");
		assertThat(idToken("admin").path("groups").toString()).contains("camunda-admin");
		assertThat(idToken("anna").path("realm_access").path("roles").toString()).doesNotContain("Manager");
	}

	/** What Keycloak would put in Grafana's ID token for the user. */
	private static JsonNode idToken(String user) {
		String client = KeycloakTokens.adminGet("/clients?clientId=crm-grafana").get(0).get("id").asText();
		String userId = KeycloakTokens.adminGet("/users?exact=true&username=" + user).get(0).get("id").asText();
		return KeycloakTokens.adminGet(
				"/clients/" + client + "/evaluate-scopes/generate-example-id-token?scope=openid&userId=" + userId);
	}

	private ResponseEntity<String> scrape(String token) {
		HttpHeaders headers = new HttpHeaders();
		if (token != null) {
			headers.setBearerAuth(token);
		}
		return this.rest.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

}
