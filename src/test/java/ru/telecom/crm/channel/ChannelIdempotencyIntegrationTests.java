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
 * The ESB's idempotency keys: what a key may be.
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
