package ru.telecom.crm.search;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LegacyDB down: searches still answer with ours and say that LegacyDB did not; a search
 * with no hit of ours is a 503, since a missing client cannot be told from an outage.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = { PostgresDatabases.LEGACY_DOWN + "=true", "crm.legacy.timeout=1s",
		"camunda.bpm.process-engine-name=searchlegacydown" })
class SearchLegacyOutageIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Test
	void oursAreStillFoundAndTheAnswerSaysLegacyDbIsMissing() {
		JsonNode clients = get("/api/clients?q=popov").getBody();
		assertThat(clients.findValuesAsText("lastName")).contains("Popov");
		assertThat(clients.get("legacyAvailable").asBoolean()).isFalse();
		assertThat(clients.get("totalExact").asBoolean()).isFalse();

		JsonNode orders = get("/api/orders?q=ORD-3001").getBody();
		assertThat(orders.findValuesAsText("code")).containsExactly("ORD-3001");
		assertThat(orders.get("legacyAvailable").asBoolean()).isFalse();

		JsonNode all = get("/api/search?q=popov").getBody();
		assertThat(all.get("clients").findValuesAsText("lastName")).contains("Popov");
		assertThat(all.get("legacyAvailable").asBoolean()).isFalse();
	}

	@Test
	void aSearchWithNoHitOfOursIsUnavailableNotEmpty() {
		ResponseEntity<JsonNode> unknown = get("/api/clients?q=" + TestPhones.e164(TestPhones.fresh()));
		assertThat(unknown.getStatusCode().value()).isEqualTo(503);
		assertThat(unknown.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:unavailable");
		assertThat(get("/api/orders?q=ORD-1001").getStatusCode().value()).isEqualTo(503);
		assertThat(get("/api/clients").getStatusCode().value()).as("no query: ours only, LegacyDB not asked")
			.isEqualTo(200);
		assertThat(post("/api/clients/legacy/1").getStatusCode().value()).isEqualTo(503);
	}

	@Test
	void theConsoleShowsOursWithANoticeAndOffersNoNewClientForAPhone() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.build();
		String login = page(http, "/login");
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(login);
		assertThat(csrf.find()).isTrue();
		http.send(java.net.http.HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("username=anna&password=anna&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), "UTF-8")))
			.build(), java.net.http.HttpResponse.BodyHandlers.discarding());

		String popov = page(http, "/clients?q=popov");
		assertThat(popov).contains("Popov Dmitry Sergeevich").contains("LegacyDB is not answering");
		String phone = page(http, "/clients?q=" + java.net.URLEncoder.encode(TestPhones.fresh(), "UTF-8"));
		assertThat(phone).contains("LegacyDB is not answering").doesNotContain("href=\"/clients/new\"");
		assertThat(page(http, "/search?q=popov")).contains("Popov Dmitry Sergeevich")
			.contains("LegacyDB is not answering");
	}

	private String page(java.net.http.HttpClient http, String path) throws Exception {
		return http
			.send(java.net.http.HttpRequest.newBuilder(uri(path)).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private java.net.URI uri(String path) {
		return java.net.URI.create(this.rest.getRootUri() + path);
	}

	private ResponseEntity<JsonNode> get(String path) {
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), JsonNode.class);
	}

	private ResponseEntity<JsonNode> post(String path) {
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(headers()), JsonNode.class);
	}

	private static HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("anna", "anna");
		return headers;
	}

}
