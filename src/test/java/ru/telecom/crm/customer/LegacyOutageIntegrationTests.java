package ru.telecom.crm.customer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import ru.telecom.crm.legacy.LegacyUnavailableException;
import ru.telecom.crm.shared.KeyRaceRetry;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LegacyDB down: a lookup that needs it fails clearly and writes nothing. */
@PostgresIntegrationTest
// an engine name of its own: the engine REST API finds engines by name in a static
// registry
@TestPropertySource(properties = { PostgresDatabases.LEGACY_DOWN + "=true", "crm.legacy.timeout=1s",
		"camunda.bpm.process-engine-name=legacydown" })
class LegacyOutageIntegrationTests {

	@Autowired
	CustomerApi customers;

	@Autowired
	KeyRaceRetry keyRaceRetry;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Test
	void aLookupThatNeedsLegacyDbReportsItUnavailableAndWritesNothing() {
		String phone = TestPhones.fresh();

		assertThatThrownBy(
				() -> this.keyRaceRetry.inNewTransaction(() -> this.customers.resolve(IntakeParty.of(phone, "ORD-X1"))))
			.isInstanceOf(LegacyUnavailableException.class)
			.hasMessageContaining("LegacyDB is not available");

		assertThat(this.jdbc.queryForObject("select count(*) from client where phone = ?", Integer.class,
				TestPhones.e164(phone)))
			.isZero();
	}

	/**
	 * At the agent's door: an intake whose lookup needs LegacyDB is a 503 problem
	 * document (RFC 9457) that says LegacyDB is down and nothing was saved, and nothing
	 * is.
	 */
	@Test
	void anAgentsIntakeThatNeedsLegacyDbIsA503ProblemAndWritesNothing() {
		String phone = TestPhones.fresh();
		int requests = this.jdbc.queryForObject("select count(*) from service_request", Integer.class);
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("anna", "anna");
		headers.setContentType(MediaType.APPLICATION_JSON);

		ResponseEntity<JsonNode> answer = this.rest.postForEntity("/api/service-requests", new HttpEntity<>("""
				{"clientPhone":"%s","orderCode":"ORD-X2","description":"No internet"}""".formatted(phone), headers),
				JsonNode.class);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getBody().path("type").asText()).isEqualTo("urn:problem-type:crm:unavailable");
		assertThat(answer.getBody().path("status").asInt()).isEqualTo(503);
		assertThat(answer.getBody().path("detail").asText()).contains("LegacyDB").contains("nothing was saved");
		assertThat(this.jdbc.queryForObject("select count(*) from service_request", Integer.class)).isEqualTo(requests);
		assertThat(this.jdbc.queryForObject("select count(*) from client where phone = ?", Integer.class,
				TestPhones.e164(phone)))
			.isZero();
	}

	@Test
	void aLookupThatOurDatabaseAnswersDoesNotNeedLegacyDb() {
		IntakeResolution resolution = this.keyRaceRetry
			.inNewTransaction(() -> this.customers.resolve(IntakeParty.of("+79007778899", "ORD-3001")));

		assertThat(resolution.lookupCase()).isEqualTo(1);
	}

}
