package ru.telecom.crm.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an integrator does with nothing but the API: the four lookup cases, an incident
 * opened, worked and closed, the status histories read back.
 */
@PostgresIntegrationTest
class IntegratorJourneyIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@ParameterizedTest(name = "lookup case {0}")
	@CsvSource({ "1, +7 900 777-88-99, ORD-3001", "2, 89007778899, LEGACY", "3, LEGACY, LEGACY", "4, NEW, NEW" })
	void aRequestForEachLookupCaseIsDrivenToClosedThroughTheApi(int lookupCase, String phone, String code) {
		String clientPhone = phone;
		String orderCode = code;
		if ("LEGACY".equals(code)) {
			orderCode = "JRN-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
			long custId = 3;
			if ("LEGACY".equals(phone)) {
				clientPhone = TestPhones.fresh();
				custId = ThreadLocalRandom.current().nextLong(3_000_000, 4_000_000);
				PostgresDatabases.legacyWriter()
					.update("insert into customers (cust_id, full_name, phone) values (?, 'Journey Legacy', ?)", custId,
							clientPhone);
			}
			PostgresDatabases.legacyWriter()
				.update("insert into orders (order_no, cust_id, title, amount, created) values (?, ?, 'Journey', 10, current_date)",
						orderCode, custId);
		}
		if ("NEW".equals(code)) {
			clientPhone = TestPhones.fresh();
			orderCode = "JRN-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
		}

		JsonNode request = call("anna", HttpMethod.POST, "/api/service-requests", Map.of("clientPhone", clientPhone,
				"orderCode", orderCode, "clientLastName", "Journey", "description", "case " + lookupCase), 201);
		long id = request.get("id").asLong();
		JsonNode client = call("anna", HttpMethod.GET, "/api/clients/" + request.get("clientId").asLong(), null, 200);
		switch (lookupCase) {
			case 1, 2 -> assertThat(client.get("phone").asText()).isEqualTo("+79007778899");
			case 3 -> assertThat(client.get("legacyId").asLong()).isEqualTo(custIdOf(clientPhone));
			default -> assertThat(client.get("legacyId").isNull()).isTrue();
		}
		JsonNode incident = call("anna", HttpMethod.POST, "/api/service-requests/" + id + "/incident",
				Map.of("serviceCode", 1002), 201);
		long incidentId = incident.get("id").asLong();
		call("olga", HttpMethod.POST, "/api/incidents/" + incidentId + "/status",
				Map.of("status", "ASSIGNED", "assignee", "petr"), 200);
		call("petr", HttpMethod.POST, "/api/incidents/" + incidentId + "/status", Map.of("status", "INWORK"), 200);
		call("petr", HttpMethod.POST, "/api/incidents/" + incidentId + "/status",
				Map.of("status", "ON_HOLD", "holdReason", "Waiting for the customer"), 200);
		call("petr", HttpMethod.POST, "/api/incidents/" + incidentId + "/status", Map.of("status", "INWORK"), 200);
		JsonNode closed = call("petr", HttpMethod.POST, "/api/incidents/" + incidentId + "/status",
				Map.of("status", "CLOSED", "narrative", "Set-top box replaced"), 200);

		assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
		assertThat(call("anna", HttpMethod.GET, "/api/service-requests/" + id, null, 200).get("closeReason").asText())
			.isEqualTo("INCIDENT_CLOSED");
		assertThat(call("anna", HttpMethod.GET, "/api/service-requests/" + id + "/statuses", null, 200)
			.findValuesAsText("newStatus")).containsExactly("NEW", "IN_PROGRESS", "CLOSED");
		assertThat(call("anna", HttpMethod.GET, "/api/incidents/" + incidentId + "/statuses", null, 200)
			.findValuesAsText("newStatus")).containsExactly("NEW", "ASSIGNED", "INWORK", "ON_HOLD", "INWORK", "CLOSED");
	}

	@Test
	void aRequestClosedWithoutAnIncidentAndAnIllegalTransitionThroughTheApi() {
		long id = call("boris", HttpMethod.POST, "/api/service-requests",
				Map.of("clientPhone", "+79007778899", "orderCode", "ORD-3001"), 201)
			.get("id")
			.asLong();

		JsonNode closed = call("boris", HttpMethod.POST, "/api/service-requests/" + id + "/close", null, 200);
		JsonNode again = call("boris", HttpMethod.POST, "/api/service-requests/" + id + "/close", null, 409);

		assertThat(closed.get("closeReason").asText()).isEqualTo("NO_INCIDENT");
		assertThat(again.get("type").asText()).isEqualTo("urn:problem-type:crm:conflict");
	}

	@Test
	void nobodyUsesTheApiWithoutSigningIn() {
		for (String path : List.of("/api/service-requests", "/api/service-requests/1", "/api/incidents",
				"/api/incidents/1/statuses", "/api/clients", "/api/orders")) {
			assertThat(this.rest.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
		}
		assertThat(this.rest.postForEntity("/api/incidents/1/status", Map.of("status", "INWORK"), String.class)
			.getStatusCode()
			.value()).isEqualTo(401);
	}

	private static long custIdOf(String phone) {
		return PostgresDatabases.legacyWriter()
			.queryForObject("select cust_id from customers where phone = ?", Long.class, phone);
	}

	private JsonNode call(String user, HttpMethod method, String path, Object body, int expected) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<JsonNode> response = this.rest.exchange(path, method, new HttpEntity<>(body, headers),
				JsonNode.class);
		assertThat(response.getStatusCode().value()).as("%s %s: %s", method, path, response.getBody())
			.isEqualTo(expected);
		return response.getBody();
	}

}
