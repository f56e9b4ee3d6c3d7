package ru.telecom.crm.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, items 4 and 6 through the API: LegacyDB's clients and orders in the searches
 * (source, legacy id, ours first, de-duplicated, paged, imported on first use), and the
 * search across everything under DESIGN §3 for several demo users.
 */
@PostgresIntegrationTest
class SearchApiIntegrationTests {

	private final JdbcTemplate legacy = PostgresDatabases.legacyWriter();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aLegacyOnlyClientIsFoundByAPhoneWrittenAnotherWayAndImportedOnce() {
		long custId = freshCustomerId();
		String typed = TestPhones.fresh();
		String digits = TestPhones.e164(typed).substring(2);
		this.legacy.update("insert into customers (cust_id, full_name, phone, email) values (?, ?, ?, ?)", custId,
				"Zorin Pavel Ivanovich", typed, "zorin@example.com");
		String code = "LGS-" + custId;
		this.legacy.update("insert into orders (order_no, cust_id, title, amount, created) values (?, ?, ?, 10.00, ?)",
				code, custId, "Fibre 1 Gbit/s", java.sql.Date.valueOf("2024-01-02"));

		JsonNode found = get("anna", "/api/clients?q=" + encode("+7 " + digits)).getBody();
		assertThat(found.get("items")).hasSize(1);
		JsonNode hit = found.get("items").get(0);
		assertThat(hit.get("source").asText()).isEqualTo("LEGACY");
		assertThat(hit.get("id").isNull()).isTrue();
		assertThat(hit.get("legacyId").asLong()).isEqualTo(custId);
		assertThat(hit.get("lastName").asText()).isEqualTo("Zorin");
		assertThat(hit.get("phone").asText()).isEqualTo("+7" + digits);
		assertThat(found.get("legacyAvailable").asBoolean()).isTrue();

		ResponseEntity<JsonNode> imported = call("anna", HttpMethod.POST, "/api/clients/legacy/" + custId);
		ResponseEntity<JsonNode> again = call("boris", HttpMethod.POST, "/api/clients/legacy/" + custId);
		assertThat(imported.getStatusCode().value()).isEqualTo(200);
		long id = imported.getBody().get("id").asLong();
		assertThat(again.getBody().get("id").asLong()).isEqualTo(id);
		assertThat(this.jdbc.queryForObject("select count(*) from client where legacy_id = ?", Integer.class, custId))
			.isOne();

		JsonNode afterwards = get("ivan", "/api/clients?q=" + encode(typed)).getBody();
		assertThat(afterwards.findValuesAsText("source")).as("de-duplicated by legacy id").containsExactly("OURS");
		assertThat(afterwards.get("items").get(0).get("id").asLong()).isEqualTo(id);

		JsonNode legacyOrders = get("ivan", "/api/clients/" + id + "/legacy-orders").getBody();
		assertThat(legacyOrders.findValuesAsText("code")).containsExactly(code);
		assertThat(get("anna", "/api/orders?q=" + code).getBody().findValuesAsText("source")).containsExactly("LEGACY");
		ResponseEntity<JsonNode> order = call("anna", HttpMethod.POST, "/api/orders/legacy/" + code.toLowerCase());
		assertThat(order.getStatusCode().value()).isEqualTo(200);
		assertThat(order.getBody().get("clientId").asLong()).isEqualTo(id);
		assertThat(get("anna", "/api/clients/" + id + "/legacy-orders").getBody().get("items")).isEmpty();
		assertThat(get("anna", "/api/orders?q=" + code).getBody().findValuesAsText("source")).containsExactly("OURS");
	}

	@Test
	void oursComeFirstThenLegacyDbsAndPagesCountOverBoth() {
		String token = "Qz" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		ResponseEntity<JsonNode> ours = call("anna", HttpMethod.POST, "/api/clients",
				"{\"lastName\":\"" + token + "\",\"phone\":\"" + TestPhones.fresh() + "\"}");
		assertThat(ours.getStatusCode().value()).isEqualTo(201);
		long base = freshCustomerId();
		for (int i = 0; i < 3; i++) {
			this.legacy.update("insert into customers (cust_id, full_name, phone) values (?, ?, ?)", base + i,
					token + " Legacy" + i, TestPhones.fresh());
		}

		JsonNode first = get("maria", "/api/clients?q=" + token + "&size=2").getBody();
		JsonNode second = get("maria", "/api/clients?q=" + token + "&size=2&page=1").getBody();
		JsonNode third = get("maria", "/api/clients?q=" + token + "&size=2&page=2").getBody();

		assertThat(first.findValuesAsText("source")).containsExactly("OURS", "LEGACY");
		assertThat(first.get("total").asLong()).isEqualTo(4);
		assertThat(first.get("totalExact").asBoolean()).isTrue();
		assertThat(second.findValuesAsText("source")).containsExactly("LEGACY", "LEGACY");
		assertThat(third.get("items")).isEmpty();
		List<String> legacyNames = new java.util.ArrayList<>(
				first.get("items").get(1).get("firstName").asText().lines().toList());
		legacyNames.addAll(second.findValuesAsText("firstName"));
		assertThat(legacyNames).containsExactly("Legacy0", "Legacy1", "Legacy2");
	}

	@Test
	void aPhoneLegacyDbKnowsIsNotANewClientTwice() {
		JsonNode popov = get("anna", "/api/clients?q=" + encode("8 900 777-88-99")).getBody();
		assertThat(popov.findValuesAsText("source")).as("LegacyDB's Popov is ours by phone").containsExactly("OURS");
	}

	@Test
	void theSearchAcrossEverythingShowsEachUserOnlyWhatTheyMayRead() {
		String phone = TestPhones.fresh();
		String code = "GS-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
		String word = "xylo" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		String noteWord = "kappa" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		ResponseEntity<JsonNode> opened = call("anna", HttpMethod.POST, "/api/service-requests", """
				{"channel":"PHONE","clientPhone":"%s","clientLastName":"Searchova","orderCode":"%s",
				 "description":"The %s box hums"}""".formatted(phone, code, word));
		assertThat(opened.getStatusCode().value()).isEqualTo(201);
		long request = opened.getBody().get("id").asLong();
		assertThat(call("anna", HttpMethod.POST, "/api/service-requests/" + request + "/notes",
				"{\"text\":\"Called back, " + noteWord + " is fine\"}")
			.getStatusCode()
			.value()).isEqualTo(201);

		for (String q : List.of(String.valueOf(request), "#" + request, word, noteWord, code.toLowerCase(),
				TestPhones.e164(phone), "Searchova")) {
			assertThat(requestsFound("anna", q)).as("anna finds it by %s", q).contains(request);
			assertThat(requestsFound("maria", q)).as("her manager finds it by %s", q).contains(request);
			assertThat(requestsFound("boris", q)).as("another agent does not, by %s", q).doesNotContain(request);
			assertThat(requestsFound("ivan", q)).as("an engineer with no incident of it does not")
				.doesNotContain(request);
		}

		ResponseEntity<JsonNode> incident = call("anna", HttpMethod.POST,
				"/api/service-requests/" + request + "/incident", "{\"serviceCode\":1001}");
		assertThat(incident.getStatusCode().value()).isEqualTo(201);
		long incidentId = incident.getBody().get("id").asLong();

		assertThat(incidentsFound("ivan", String.valueOf(incidentId))).contains(incidentId);
		assertThat(incidentsFound("olga", "Searchova")).contains(incidentId);
		assertThat(requestsFound("ivan", word)).as("the request behind an incident he may see").contains(request);
		assertThat(incidentsFound("anna", String.valueOf(incidentId))).contains(incidentId);
		assertThat(incidentsFound("sergey", String.valueOf(incidentId))).as("another work group").isEmpty();
		assertThat(requestsFound("sergey", word)).doesNotContain(request);
		assertThat(incidentsFound("elena", "Searchova")).doesNotContain(incidentId);
		assertThat(incidentsFound("admin", "#" + incidentId)).contains(incidentId);

		JsonNode all = get("anna", "/api/search?q=" + encode(TestPhones.e164(phone))).getBody();
		assertThat(all.get("clients").findValuesAsText("lastName")).contains("Searchova");
		assertThat(all.get("requests").get(0).get("clientName").asText()).isEqualTo("Searchova");
	}

	@Test
	void theSearchFindsLegacyClientsAndOrdersToo() {
		JsonNode found = get("anna", "/api/search?q=ORD-100").getBody();
		assertThat(found.get("orders").findValuesAsText("code")).contains("ORD-1001", "ORD-1002");
		assertThat(found.get("legacyAvailable").asBoolean()).isTrue();
		assertThat(get("ivan", "/api/search?q=Kuznetsova").getBody().get("clients").findValuesAsText("orgName"))
			.contains("Romashka LLC");
	}

	@Test
	void badQueriesAreRefusedAsProblems() {
		for (String path : List.of("/api/search?q=a", "/api/search", "/api/search?q=" + "x".repeat(201),
				"/api/clients?q=" + "x".repeat(201), "/api/orders?q=ab&page=-1", "/api/clients?q=ab&size=0")) {
			ResponseEntity<JsonNode> refused = get("anna", path);
			assertThat(refused.getStatusCode().value()).as(path).isEqualTo(400);
			assertThat(refused.getBody().get("type").asText()).as(path).isEqualTo("urn:problem-type:crm:validation");
		}
		assertThat(call("anna", HttpMethod.POST, "/api/orders/legacy/" + "X".repeat(65)).getStatusCode().value())
			.isEqualTo(400);
	}

	@Test
	void onlyStaffSearchAndOnlyTheHelpdeskImports() {
		assertThat(get("esb", "/api/search?q=popov").getStatusCode().value()).isEqualTo(403);
		assertThat(get("esb", "/api/clients?q=popov").getStatusCode().value()).isEqualTo(403);
		assertThat(this.rest.getForEntity("/api/search?q=popov", String.class).getStatusCode().value()).isEqualTo(401);
		ResponseEntity<JsonNode> engineer = call("ivan", HttpMethod.POST, "/api/clients/legacy/1");
		assertThat(engineer.getStatusCode().value()).isEqualTo(403);
		assertThat(engineer.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:forbidden");
		assertThat(call("ivan", HttpMethod.POST, "/api/orders/legacy/ORD-1001").getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void whatNeitherDatabaseHasIsNotFound() {
		for (String path : List.of("/api/clients/legacy/987654321", "/api/orders/legacy/NOPE-987654321")) {
			ResponseEntity<JsonNode> missing = call("anna", HttpMethod.POST, path);
			assertThat(missing.getStatusCode().value()).as(path).isEqualTo(404);
			assertThat(missing.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:not-found");
		}
		assertThat(get("anna", "/api/clients/987654321/legacy-orders").getStatusCode().value()).isEqualTo(404);
		assertThat(get("anna", "/api/search?q=987654321").getBody().get("requests")).isEmpty();
	}

	private List<Long> requestsFound(String user, String q) {
		return ids(searched(user, q).get("requests"));
	}

	private List<Long> incidentsFound(String user, String q) {
		return ids(searched(user, q).get("incidents"));
	}

	private JsonNode searched(String user, String q) {
		ResponseEntity<JsonNode> found = get(user, "/api/search?q=" + encode(q));
		assertThat(found.getStatusCode().value()).as("%s searches %s: %s", user, q, found.getBody()).isEqualTo(200);
		return found.getBody();
	}

	private static List<Long> ids(JsonNode hits) {
		List<Long> ids = new java.util.ArrayList<>();
		hits.forEach((hit) -> ids.add(hit.get("id").asLong()));
		return ids;
	}

	private static long freshCustomerId() {
		return ThreadLocalRandom.current().nextLong(10_000_000L, 2_000_000_000L);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private ResponseEntity<JsonNode> get(String user, String path) {
		return call(user, HttpMethod.GET, path, null);
	}

	private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path) {
		return call(user, method, path, null);
	}

	private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(java.net.URI.create(this.rest.getRootUri() + path), method,
				new HttpEntity<>(body, headers), JsonNode.class);
	}

}
