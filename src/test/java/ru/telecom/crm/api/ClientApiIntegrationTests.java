package ru.telecom.crm.api;

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

import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/** The clients and orders API: success, 401, 403, 404, 400 with fields, 409. */
@PostgresIntegrationTest
class ClientApiIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aClientIsFoundByAPhoneWrittenAnyWayOrByName() {
		for (String q : new String[] { "8 900 777 88 99", "+7 (900) 777-88-99", "popov", "Dmitry", "7778899" }) {
			JsonNode found = call("anna", HttpMethod.GET, "/api/clients?q=" + q, null).getBody();
			assertThat(found.findValuesAsText("phone")).as("search %s", q).contains("+79007778899");
		}
		assertThat(call("ivan", HttpMethod.GET, "/api/clients?q=nobody-at-all", null).getBody().get("items")).isEmpty();
	}

	@Test
	void onlyStaffReadClientsAndNobodyWithoutSigningIn() {
		assertThat(call("esb", HttpMethod.GET, "/api/clients", null).getStatusCode().value()).isEqualTo(403);
		assertThat(this.rest.getForEntity("/api/clients", String.class).getStatusCode().value()).isEqualTo(401);
		assertThat(call("anna", HttpMethod.GET, "/api/clients/987654321", null).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void theHelpdeskCreatesAndEditsClients() {
		String phone = TestPhones.fresh();
		ResponseEntity<JsonNode> created = call("anna", HttpMethod.POST, "/api/clients", """
				{"lastName":"Zaitseva","firstName":"Olga","phone":"%s","email":"OZ@example.com",
				 "inn":"7830002293","orgName":"Zaitseva & Co"}""".formatted(phone));

		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getHeaders().getLocation().getPath())
			.isEqualTo("/api/clients/" + created.getBody().get("id"));
		assertThat(created.getBody().get("phone").asText()).isEqualTo(TestPhones.e164(phone));
		assertThat(created.getBody().get("email").asText()).isEqualTo("oz@example.com");
		long id = created.getBody().get("id").asLong();
		int version = created.getBody().get("version").asInt();

		ResponseEntity<JsonNode> edited = call("maria", HttpMethod.PUT, "/api/clients/" + id, """
				{"lastName":"Zaitseva","firstName":"Olga","phone":"%s","email":"olga@zaitseva.example","version":%d}"""
			.formatted(phone, version));
		ResponseEntity<JsonNode> stale = call("anna", HttpMethod.PUT, "/api/clients/" + id, """
				{"lastName":"Zaitseva","phone":"%s","version":%d}""".formatted(phone, version));

		assertThat(edited.getStatusCode().value()).isEqualTo(200);
		assertThat(edited.getBody().get("email").asText()).isEqualTo("olga@zaitseva.example");
		assertThat(stale.getStatusCode().value()).isEqualTo(409);
		assertThat(stale.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:conflict");
	}

	@Test
	void badClientInputIsRefusedFieldByFieldAndWritesNothing() {
		int before = this.jdbc.queryForObject("select count(*) from client", Integer.class);

		ResponseEntity<JsonNode> refused = call("anna", HttpMethod.POST, "/api/clients", """
				{"firstName":"X","phone":"12","email":"not-mail","inn":"7707083894"}""");

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("errors").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("phone", "email", "inn", "lastName");
		assertThat(this.jdbc.queryForObject("select count(*) from client", Integer.class)).isEqualTo(before);
	}

	@Test
	void aPhoneOfAnotherClientIsAConflictAndEngineersMayNotCreate() {
		assertThat(call("anna", HttpMethod.POST, "/api/clients", "{\"lastName\":\"Twin\",\"phone\":\"+79007778899\"}")
			.getStatusCode()
			.value()).isEqualTo(409);
		assertThat(call("ivan", HttpMethod.POST, "/api/clients",
				"{\"lastName\":\"Engineer\",\"phone\":\"" + TestPhones.fresh() + "\"}")
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(call("anna", HttpMethod.PUT, "/api/clients/987654321",
				"{\"lastName\":\"Ghost\",\"phone\":\"" + TestPhones.fresh() + "\"}")
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	@Test
	void ordersAreCreatedForAClientSearchedAndListedPerClient() {
		long popov = this.jdbc.queryForObject("select id from client where phone = '+79007778899'", Long.class);
		String code = "API-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);

		ResponseEntity<JsonNode> created = call("boris", HttpMethod.POST, "/api/orders", """
				{"clientId":%d,"code":"%s","name":"Second TV box","price":99.90}""".formatted(popov,
				code.toLowerCase()));

		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getBody().get("code").asText()).isEqualTo(code);
		long id = created.getBody().get("id").asLong();
		assertThat(call("ivan", HttpMethod.GET, "/api/orders/" + id, null).getBody().get("name").asText())
			.isEqualTo("Second TV box");
		assertThat(call("anna", HttpMethod.GET, "/api/orders?q=" + code, null).getBody().findValuesAsText("code"))
			.containsExactly(code);
		assertThat(call("anna", HttpMethod.GET, "/api/clients/" + popov + "/orders?size=200", null).getBody()
			.findValuesAsText("code")).contains(code, "ORD-3001");
		assertThat(call("anna", HttpMethod.GET, "/api/clients/" + popov + "/incidents", null).getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void badOrTakenOrdersAreRefused() {
		long popov = this.jdbc.queryForObject("select id from client where phone = '+79007778899'", Long.class);

		assertThat(status("{\"clientId\":%d,\"code\":\"ORD-3001\"}".formatted(popov))).isEqualTo(409);
		assertThat(status("{\"clientId\":%d,\"code\":\"ORD-1002\"}".formatted(popov))).as("taken in LegacyDB")
			.isEqualTo(409);
		assertThat(status("{\"clientId\":987654321,\"code\":\"NEW-X1\"}")).isEqualTo(400);
		assertThat(status("{\"clientId\":%d,\"code\":\"NEW-X2\",\"price\":-1}".formatted(popov))).isEqualTo(400);
		assertThat(status("{\"clientId\":%d,\"code\":\"bad code!\"}".formatted(popov))).isEqualTo(400);
		assertThat(status("{\"code\":\"NEW-X3\"}")).isEqualTo(400);
		assertThat(call("anna", HttpMethod.GET, "/api/orders/987654321", null).getStatusCode().value()).isEqualTo(404);
		assertThat(call("anna", HttpMethod.GET, "/api/clients/987654321/orders", null).getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() {
		JsonNode docs = this.rest.getForEntity("/v3/api-docs", JsonNode.class).getBody();

		assertThat(docs.get("paths").fieldNames()).toIterable()
			.contains("/api/clients", "/api/clients/{id}", "/api/orders", "/api/service-requests",
					"/api/service-requests/{id}/incident", "/api/incidents/{id}/status", "/api/services");
		assertThat(docs.at("/components/securitySchemes").fieldNames()).toIterable().contains("bearer", "basic");
	}

	private int status(String body) {
		return call("anna", HttpMethod.POST, "/api/orders", body).getStatusCode().value();
	}

	private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

}
