package ru.telecom.crm.channel;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.RawHttp;
import ru.telecom.crm.support.RawHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ESB's idempotency keys: what a key may be, and what counts as the same message
 * again.
 */
@PostgresIntegrationTest
class ChannelIdempotencyIntegrationTests {

	private static final String MESSAGE = "{\"clientPhone\":\"+79007778899\",\"orderCode\":\"ORD-3001\","
			+ "\"description\":\"Нет сигнала\",\"priority\":\"HIGH\"}";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "ключ-1", "clé-1", "key\u00a0one", "日本" })
	void aNonAsciiIdempotencyKeyIs400AndStoresNothing(String key) {
		int requests = count("service_request");
		int messages = count("channel_message");

		// the header's bytes as UTF-8, as a careless client sends them
		Response response = new RawHttp(this.port).request("POST", "/api/channels/esb")
			.header("Authorization", RawHttp.basic("esb", "esb"))
			.header("Idempotency-Key", key + "-" + UUID.randomUUID())
			.json(MESSAGE)
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"urn:problem-type:crm:validation\"");
		assertThat(count("service_request")).isEqualTo(requests);
		assertThat(count("channel_message")).isEqualTo(messages);
	}

	@Test
	void theSameMessageSerialisedAgainIsARepeatThatReturnsTheFirstRequest() {
		String key = UUID.randomUUID().toString();
		ResponseEntity<JsonNode> first = esb(key, MESSAGE);
		int requests = count("service_request");

		// other key order, whitespace, escapes and number spelling: the same JSON
		ResponseEntity<JsonNode> again = esb(key, """
				{
				  "priority" : "HIGH",
				  "description" : "\\u041d\\u0435\\u0442 \\u0441\\u0438\\u0433\\u043d\\u0430\\u043b\\u0430",
				  "orderCode" : "ORD-3001",
				  "clientPhone" : "+79007778899"
				}
				""");

		assertThat(first.getStatusCode().value()).isEqualTo(202);
		assertThat(again.getStatusCode().value()).isEqualTo(202);
		assertThat(again.getBody().get("requestId").asLong()).isEqualTo(first.getBody().get("requestId").asLong());
		assertThat(again.getBody().get("repeated").asBoolean()).isTrue();
		assertThat(count("service_request")).isEqualTo(requests);
	}

	@Test
	void anotherMessageUnderTheSameKeyIsStillRefused() {
		String key = UUID.randomUUID().toString();
		esb(key, MESSAGE);
		int requests = count("service_request");

		ResponseEntity<JsonNode> other = esb(key, MESSAGE.replace("HIGH", "LOW"));

		assertThat(other.getStatusCode().value()).isEqualTo(422);
		assertThat(other.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:idempotency-key-reused");
		assertThat(count("service_request")).isEqualTo(requests);
	}

	@Test
	void aKeyPastItsKeepingTimeIsNewAgainBeforeThePurgeRemovesIt() {
		String key = UUID.randomUUID().toString();
		ResponseEntity<JsonNode> first = esb(key, MESSAGE);
		this.jdbc.update("update channel_message set received_at = received_at - interval '25 hours'"
				+ " where idempotency_key = ?", key);

		ResponseEntity<JsonNode> again = esb(key, MESSAGE);
		ResponseEntity<JsonNode> other = esb(key, MESSAGE.replace("HIGH", "LOW"));

		assertThat(again.getStatusCode().value()).isEqualTo(202);
		assertThat(again.getBody().get("repeated").asBoolean()).isFalse();
		assertThat(again.getBody().get("requestId").asLong()).isNotEqualTo(first.getBody().get("requestId").asLong());
		// the key is fresh again: another message under it is refused
		assertThat(other.getStatusCode().value()).isEqualTo(422);
		assertThat(this.jdbc.queryForObject("select count(*) from channel_message where idempotency_key = ?",
				Integer.class, key))
			.isOne();
	}

	private ResponseEntity<JsonNode> esb(String key, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth("esb", "esb");
		headers.set("Idempotency-Key", key);
		return this.rest.postForEntity("/api/channels/esb", new HttpEntity<>(body, headers), JsonNode.class);
	}

	private int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

}
