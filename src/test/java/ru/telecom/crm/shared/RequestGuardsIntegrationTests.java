package ru.telecom.crm.shared;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.RawHttp;
import ru.telecom.crm.support.RawHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API refuses before any of its code runs, sent byte for byte as an attacker
 * would: bodies over the limit however they are framed, pages no list has, paths that
 * would lead one door's rules to another door.
 */
@PostgresIntegrationTest
class RequestGuardsIntegrationTests {

	private static final int MB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Test
	void aChunkedEsbMessageOverOneMegabyteIs413AndOpensNothing() {
		int requests = count("service_request");
		int messages = count("channel_message");
		String body = "{\"clientPhone\":\"+79007778899\",\"orderCode\":\"ORD-3001\",\"description\":\""
				+ "x".repeat(3 * MB / 2) + "\"}";

		Response response = esb(UUID.randomUUID().toString(), body, true);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"urn:problem-type:crm:payload-too-large\"");
		assertThat(count("service_request")).isEqualTo(requests);
		assertThat(count("channel_message")).isEqualTo(messages);
	}

	@Test
	void aChunkedServiceRequestOverOneMegabyteIs413AndStoresNothingEvenWhenTheJsonEndsEarly() {
		int requests = count("service_request");
		// a JSON reader would stop after the object and never see the rest
		String body = "{\"clientPhone\":\"+79007778899\",\"orderCode\":\"ORD-3001\",\"description\":\"Padded\"}"
				+ " ".repeat(3 * MB / 2);

		Response response = new RawHttp(this.port).request("POST", "/api/service-requests")
			.header("Authorization", RawHttp.basic("anna", "anna"))
			.header("Content-Type", "application/json")
			.body(body.getBytes(StandardCharsets.UTF_8), true)
			.send();

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.body()).contains("urn:problem-type:crm:payload-too-large");
		assertThat(count("service_request")).isEqualTo(requests);
	}

	@Test
	void aChunkedBodyWithinTheLimitIsReadAsAlways() {
		String body = "{\"clientPhone\":\"+79007778899\",\"orderCode\":\"ORD-3001\",\"description\":\"Chunked "
				+ "y".repeat(2000) + "\"}";

		Response response = esb(UUID.randomUUID().toString(), body, true);

		assertThat(response.status()).isEqualTo(202);
		long id = Long.parseLong(response.body().replaceAll(".*\"requestId\":(\\d+).*", "$1"));
		assertThat(this.jdbc.queryForObject("select description from service_request where id = ?", String.class, id))
			.startsWith("Chunked yyy");
	}

	@Test
	void aBodyOverOneMegabyteWithItsLengthIs413AsBefore() {
		int requests = count("service_request");
		String body = "{\"clientPhone\":\"+79007778899\",\"orderCode\":\"ORD-3001\",\"description\":\""
				+ "x".repeat(3 * MB / 2) + "\"}";

		Response response = esb(UUID.randomUUID().toString(), body, false);

		assertThat(response.status()).isEqualTo(413);
		assertThat(count("service_request")).isEqualTo(requests);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/clients", "/api/orders", "/api/clients/1/orders", "/api/service-requests",
			"/api/incidents", "/api/clients/1/incidents" })
	void aPageWhoseOffsetOverflowsOrIsAbsurdIs400(String list) {
		for (String paging : new String[] { "page=2147483647", "page=2147483647&size=1", "page=107374183&size=20",
				"page=50001&size=20" }) {
			ResponseEntity<JsonNode> response = this.rest.withBasicAuth("admin", "admin")
				.getForEntity(list + "?" + paging, JsonNode.class);

			assertThat(response.getStatusCode().value()).as("%s?%s", list, paging).isEqualTo(400);
			assertThat(response.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:validation");
			assertThat(response.getBody().get("errors").has("page")).isTrue();
		}
		assertThat(this.rest.withBasicAuth("admin", "admin")
			.getForEntity(list + "?page=50000&size=20", JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/../engine-rest", "/api/%2e%2e/engine-rest", "/api/%2E%2E/engine-rest",
			"/api/.%2e/engine-rest", "/api/..;/engine-rest", "/api/services/../../engine-rest", "/api/./../engine-rest",
			"/engine-r%65st", "/%61pi/../engine-rest", "/camunda/api/%65ngine/engine/default" })
	void aPathOutOfNormalFormIs400AndNeverReachesTheEngine(String prefix) {
		long instances = this.runtime.createProcessInstanceQuery().count();
		String start = "/process-definition/key/" + ServiceRequestProcess.KEY + "/start";

		Response response = new RawHttp(this.port).request("POST", prefix + start)
			.header("Authorization", RawHttp.basic("admin", "admin"))
			.json("{\"businessKey\":\"dot-segments\"}")
			.send();
		Response read = new RawHttp(this.port).request("GET", prefix + "/process-definition")
			.header("Authorization", RawHttp.basic("admin", "admin"))
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"urn:problem-type:crm:validation\"");
		assertThat(read.status()).isEqualTo(400);
		assertThat(read.body()).doesNotContain(ServiceRequestProcess.KEY);
		assertThat(this.runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
	}

	private Response esb(String key, String body, boolean chunked) {
		return new RawHttp(this.port).request("POST", "/api/channels/esb")
			.header("Authorization", RawHttp.basic("esb", "esb"))
			.header("Idempotency-Key", key)
			.header("Content-Type", "application/json")
			.body(body.getBytes(StandardCharsets.UTF_8), chunked)
			.send();
	}

	private int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

}
