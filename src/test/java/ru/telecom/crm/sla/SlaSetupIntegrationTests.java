package ru.telecom.crm.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's service levels as Liquibase seeds them, and the administrators' import and
 * export over HTTP, on PostgreSQL. Each test leaves the demo setup as it found it.
 */
@PostgresIntegrationTest
class SlaSetupIntegrationTests {

	private static final String PATH = "/api/admin/sla";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	SlaApi sla;

	private JsonNode demo;

	@BeforeEach
	void readTheDemoSetup() {
		this.demo = get("admin").getBody();
	}

	@AfterEach
	void putTheDemoSetupBack() {
		assertThat(put("admin", this.demo.toString()).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void theDemoSeedHoldsTheCalendarsOfDesignTwelve() {
		assertThat(this.demo.get("calendars").findValuesAsText("code")).containsExactly("berlin", "msk-24x7",
				"msk-helpdesk", "msk-office");
		assertThat(this.demo.get("groupCalendars").toString())
			.isEqualTo("{\"100\":\"msk-office\",\"200\":\"msk-24x7\"}");
		assertThat(this.demo.get("helpdeskCalendar").asText()).isEqualTo("msk-helpdesk");
		JsonNode office = this.demo.get("calendars").get(3);
		assertThat(office.get("zone").asText()).isEqualTo("Europe/Moscow");
		assertThat(office.get("hours")).hasSize(10);
		assertThat(office.get("hours").get(0).toString())
			.isEqualTo("{\"day\":\"MONDAY\",\"from\":\"09:00\",\"to\":\"13:00\"}");
		assertThat(office.get("holidays").findValuesAsText("date")).contains("2026-01-07", "2026-05-11", "2027-06-14");
		assertThat(this.demo.get("calendars").get(1).get("hours").get(6).toString())
			.isEqualTo("{\"day\":\"SUNDAY\",\"from\":\"00:00\",\"to\":\"24:00\"}");
		assertThat(this.demo.get("calendars").get(0).get("zone").asText()).isEqualTo("Europe/Berlin");
		// a default per priority and each demo service's own
		assertThat(this.demo.get("policies")).hasSize(16);
		assertThat(this.demo.get("policies").get(0).toString()).isEqualTo("{\"service\":null,\"priority\":\"LOW\","
				+ "\"responseMinutes\":480,\"resolutionMinutes\":4320,\"warnAt\":0.8,\"escalation\":[\"ENGINEER\"]}");
	}

	@Test
	void theModuleAnswersDueDatesFromTheSeed() {
		SlaClock clock = this.sla.clock(1001, 100, Priority.CRITICAL).orElseThrow();

		// Sat 7 Mar 2026 10:00 Moscow; Mon 9 March is a holiday: Tue 10 Mar 09:30 and
		// 13:00
		SlaReading reading = clock.read(List.of(StatusChange.of(Instant.parse("2026-03-07T07:00:00Z"), "NEW")),
				Instant.parse("2026-03-07T07:00:00Z"));

		assertThat(reading.response().dueAt()).isEqualTo(Instant.parse("2026-03-10T06:30:00Z"));
		assertThat(reading.resolution().dueAt()).isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
		assertThat(this.sla.policy(9999, Priority.NORMAL).orElseThrow().isDefault()).isTrue();
		assertThat(this.sla.helpdeskCalendar().orElseThrow().hours()).hasSize(6);
		assertThat(this.sla.workGroupCalendar(200).orElseThrow().nominalWeek()).isEqualTo(Duration.ofHours(168));
	}

	@Test
	void whatGetAnswersPutTakesBackUnchanged() {
		ResponseEntity<JsonNode> replaced = put("admin", this.demo.toString());

		assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(replaced.getBody()).isEqualTo(this.demo);
		assertThat(get("admin").getBody()).isEqualTo(this.demo);
	}

	@Test
	void anImportReplacesEverything() {
		ObjectNode changed = this.demo.deepCopy();
		ArrayNode calendars = (ArrayNode) changed.get("calendars");
		calendars.remove(0);
		calendars.addObject()
			.put("code", "night")
			.put("name", "Night shift")
			.put("zone", "Asia/Yekaterinburg")
			.set("hours", this.json.valueToTree(List.of(new SlaSetup.HoursEntry("FRIDAY", "22:00", "24:00"),
					new SlaSetup.HoursEntry("SATURDAY", "00:00", "06:00"))));
		((ObjectNode) changed.get("groupCalendars")).put("200", "night");
		ArrayNode policies = (ArrayNode) changed.get("policies");
		policies.remove(policies.size() - 1);
		((ObjectNode) policies.get(0)).put("responseMinutes", 600).put("warnAt", 0.9);

		ResponseEntity<JsonNode> replaced = put("admin", changed.toString());

		assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.jdbc.queryForList("select code from sla_calendar order by code", String.class))
			.containsExactly("msk-24x7", "msk-helpdesk", "msk-office", "night");
		assertThat(this.jdbc.queryForObject("select count(*) from sla_policy", Integer.class)).isEqualTo(15);
		assertThat(this.sla.workGroupCalendar(200).orElseThrow().code()).isEqualTo("night");
		assertThat(this.sla.policy(1001, Priority.LOW).orElseThrow().response()).isEqualTo(Duration.ofMinutes(480));
		JsonNode read = get("admin").getBody();
		assertThat(read.get("calendars").get(3).get("holidays")).isEmpty();
		assertThat(read.get("policies").get(0).get("warnAt").decimalValue()).isEqualByComparingTo("0.9");
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingChanges() {
		ObjectNode bad = this.demo.deepCopy();
		ObjectNode office = (ObjectNode) bad.get("calendars").get(3);
		office.put("zone", "Moscow");
		((ObjectNode) office.get("hours").get(1)).put("from", "12:00");
		((ObjectNode) office.get("hours").get(2)).put("to", "08:00");
		((ObjectNode) bad.get("groupCalendars")).put("777", "msk-office");
		ObjectNode policy = (ObjectNode) bad.get("policies").get(5);
		policy.put("service", 4242).put("resolutionMinutes", -60).put("warnAt", 1.0);

		ResponseEntity<JsonNode> response = put("admin", bad.toString());

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(response.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:validation");
		assertThat(response.getBody().get("errors").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("calendars[3].zone", "calendars[3].hours[1]", "calendars[3].hours[2].to",
					"groupCalendars.777", "policies[5].service", "policies[5].resolutionMinutes", "policies[5].warnAt");
		assertThat(get("admin").getBody()).isEqualTo(this.demo);
	}

	@Test
	void anUnreadableBodyIsAProblem() {
		ResponseEntity<JsonNode> response = put("admin", "{\"calendars\": [");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:validation");
	}

	@Test
	void onlyAdministratorsReadOrReplaceTheServiceLevels() {
		assertThat(get("olga").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get("anna").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> refused = put("maria", this.demo.toString());
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:forbidden");
		assertThat(this.rest.getForEntity(PATH, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theOpenApiDocumentDescribesTheImport() {
		JsonNode docs = this.rest.getForEntity("/v3/api-docs", JsonNode.class).getBody();
		JsonNode path = docs.at("/paths/~1api~1admin~1sla");

		assertThat(path.at("/get/responses/200/content").fieldNames()).toIterable().isNotEmpty();
		assertThat(path.at("/put/responses").fieldNames()).toIterable().contains("200", "400", "403");
		assertThat(docs.at("/components/schemas/PolicyEntry/properties").fieldNames()).toIterable()
			.contains("service", "priority", "responseMinutes", "resolutionMinutes", "warnAt", "escalation");
	}

	private ResponseEntity<JsonNode> get(String user) {
		return this.rest.withBasicAuth(user, user).getForEntity(PATH, JsonNode.class);
	}

	private ResponseEntity<JsonNode> put(String user, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.withBasicAuth(user, user)
			.exchange(PATH, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
	}

}
