package ru.telecom.crm.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;
import org.junit.jupiter.api.BeforeEach;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated malformed and hostile payloads (wrong types, huge strings, any unicode, SQL
 * and HTML fragments, missing fields, broken JSON) thrown at every write endpoint: never
 * a 5xx, always a problem document, and a refused call writes nothing.
 */
@PostgresIntegrationTest
class HostilePayloadIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final int TRIES_PER_ENDPOINT = 40;

	private static final long SEED = Long.getLong("crm.test.hostile.seed", 20261121L);

	private static final List<String> TABLES = List.of("client", "client_order", "service_request", "incident",
			"channel_message", "service_group", "service", "status", "sla_calendar", "sla_policy");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	private long request;

	private long incident;

	private long client;

	@BeforeEach
	void findItems() {
		this.client = this.jdbc.queryForObject("select id from client where phone = '+79007778899'", Long.class);
		ResponseEntity<Map> opened = this.rest.withBasicAuth("anna", "anna")
			.postForEntity("/api/service-requests", Map.of("clientPhone", "+79007778899", "orderCode", "ORD-3001"),
					Map.class);
		this.request = ((Number) opened.getBody().get("id")).longValue();
		ResponseEntity<Map> incident = this.rest.withBasicAuth("anna", "anna")
			.postForEntity("/api/service-requests/" + this.request + "/incident", Map.of("serviceCode", 1001),
					Map.class);
		this.incident = ((Number) incident.getBody().get("id")).longValue();
	}

	@Test
	void hostilePayloadsNeverBreakTheApiNorWriteAnything() {
		List<String> broken = new ArrayList<>();
		attack(broken, "anna", HttpMethod.POST, "/api/service-requests", List.of("clientPhone", "clientId",
				"clientLastName", "clientEmail", "orderCode", "orderName", "description", "priority"));
		attack(broken, "anna", HttpMethod.POST, "/api/clients",
				List.of("lastName", "firstName", "middleName", "phone", "email", "inn", "orgName", "version"));
		attack(broken, "anna", HttpMethod.PUT, "/api/clients/" + this.client,
				List.of("lastName", "firstName", "phone", "email", "inn", "orgName", "version"));
		attack(broken, "anna", HttpMethod.POST, "/api/orders", List.of("clientId", "code", "name", "price"));
		attack(broken, "anna", HttpMethod.POST, "/api/service-requests/" + this.request + "/incident",
				List.of("serviceCode"));
		attack(broken, "olga", HttpMethod.POST, "/api/incidents/" + this.incident + "/status",
				List.of("status", "assignee", "narrative", "holdReason"));
		attack(broken, "esb", HttpMethod.POST, "/api/channels/esb",
				List.of("clientPhone", "orderCode", "description", "messageId"));
		attack(broken, null, HttpMethod.POST, "/api/channels/telegram", List.of("update_id", "message"));
		attack(broken, null, HttpMethod.POST, "/api/channels/sms", List.of("from", "text", "messageId"));
		attack(broken, "admin", HttpMethod.POST, "/api/admin/catalog/import", List.of("workGroups", "services"));
		attack(broken, "admin", HttpMethod.PUT, "/api/admin/sla",
				List.of("calendars", "groupCalendars", "helpdeskCalendar", "policies"));

		assertThat(broken).isEmpty();
	}

	@Test
	void aBodyOverTheLimitIsRefusedAsTooLarge() {
		String huge = "{\"description\":\"" + "x".repeat(1_100_000) + "\"}";

		ResponseEntity<String> response = call("anna", HttpMethod.POST, "/api/service-requests", huge);

		assertThat(response.getStatusCode().value()).isEqualTo(413);
		assertThat(response.getBody()).contains("urn:problem-type:crm:payload-too-large");
	}

	private void attack(List<String> broken, String user, HttpMethod method, String path, List<String> fields) {
		int[] refused = { 0 };
		// a fixed seed: the same payloads every run, so a failure can be reproduced
		SourceOfRandomness.current().setSeed(SEED + path.hashCode());
		payloads(fields).sampleStream().limit(TRIES_PER_ENDPOINT).forEach((payload) -> {
			Map<String, Integer> before = counts();
			ResponseEntity<String> response = call(user, method, path, payload);
			int status = response.getStatusCode().value();
			String contentType = String.valueOf(response.getHeaders().getContentType());
			if (status >= 500) {
				broken.add(status + " from " + method + " " + path + " for " + abbreviate(payload));
			}
			else if (status >= 400) {
				refused[0]++;
				if (!contentType.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
					broken
						.add("no problem document (" + contentType + ") from " + path + " for " + abbreviate(payload));
				}
				if (!counts().equals(before)) {
					broken.add(status + " from " + path + " but rows were written, for " + abbreviate(payload));
				}
			}
		});
		// the generators are hostile enough that most calls are refused
		assertThat(refused[0]).as("refused calls to %s", path).isGreaterThan(TRIES_PER_ENDPOINT / 2);
	}

	/**
	 * A JSON object with some of the fields, each of any type or a hostile string; or
	 * broken JSON.
	 */
	private static Arbitrary<String> payloads(List<String> fields) {
		Arbitrary<Object> value = Arbitraries.oneOf(hostileStrings().map(Function.identity()),
				Arbitraries.integers().map(Object.class::cast), Arbitraries.longs().map(Object.class::cast),
				Arbitraries.doubles().map(Object.class::cast), Arbitraries.of(true, false).map(Object.class::cast),
				Arbitraries.just(List.of("a", 1)).map(Object.class::cast),
				Arbitraries.just(Map.of("nested", "object")).map(Object.class::cast), Arbitraries.just(null));
		Arbitrary<String> objects = Combinators
			.combine(Arbitraries.subsetOf(fields), value.list().ofSize(fields.size()))
			.as((chosen, values) -> {
				Map<String, Object> body = new LinkedHashMap<>();
				int i = 0;
				for (String field : chosen) {
					body.put(field, values.get(i++));
				}
				try {
					return JSON.writeValueAsString(body);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		Arbitrary<String> broken = Arbitraries.of("{", "[]", "null", "\"just a string\"", "{\"a\":}", "", "{}}",
				"<xml/>", "{\"orderCode\": \"ORD-1\"", "\u0000\u0001");
		return Arbitraries.frequencyOf(Tuple.of(8, objects), Tuple.of(2, broken));
	}

	private static Arbitrary<String> hostileStrings() {
		Arbitrary<String> fragments = Arbitraries.of("' OR '1'='1' --", "'; drop table client; --",
				"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1/a}",
				"../../etc/passwd", "%00%0d%0a", "\u202Eevil", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀", "Иванов Иван", "+7 900 777-88-99",
				"ORD-3001", "7707083893", "CLOSED", "INWORK", "NaN", "-1", "9".repeat(40), "  ", "");
		Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(300);
		Arbitrary<String> huge = Arbitraries.strings().withChars('a', 'я', '😀').ofMinLength(5_000).ofMaxLength(20_000);
		return Arbitraries.frequencyOf(Tuple.of(5, fragments), Tuple.of(4, anyText),
				Tuple.of(1, huge));
	}

	private Map<String, Integer> counts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, this.jdbc.queryForObject("select count(*) from " + table, Integer.class));
		}
		return counts;
	}

	private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		if (user != null) {
			headers.setBasicAuth(user, user);
		}
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	private static String abbreviate(String payload) {
		return (payload.length() > 200) ? payload.substring(0, 200) + "…" : payload;
	}

}
