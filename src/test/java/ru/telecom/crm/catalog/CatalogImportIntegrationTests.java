package ru.telecom.crm.catalog;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin-only catalog import, over HTTP, on PostgreSQL. */
@PostgresIntegrationTest
class CatalogImportIntegrationTests {

	private static final String IMPORT = "/api/admin/catalog/import";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAdminImportsJsonAndAgainChangesNothing() {
		int group = freshCode();
		String json = """
				{"workGroups":[{"code":%d,"name":"Field service","email":"field@example.com","managerId":"olga"}],
				 "services":[{"code":%d,"name":"Site visit","workGroupCode":%d}]}""".formatted(group, group + 1, group);

		ResponseEntity<JsonNode> first = post("admin", json, MediaType.APPLICATION_JSON, "");
		ResponseEntity<JsonNode> second = post("admin", json, MediaType.APPLICATION_JSON, "");

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(first.getBody().at("/workGroups/created").asInt()).isOne();
		assertThat(first.getBody().at("/services/created").asInt()).isOne();
		assertThat(second.getBody().at("/workGroups/unchanged").asInt()).isOne();
		assertThat(second.getBody().at("/services/unchanged").asInt()).isOne();
		assertThat(this.jdbc.queryForMap("select name, email, manager_id from service_group where code = ?", group))
			.containsEntry("name", "Field service")
			.containsEntry("manager_id", "olga");
	}

	@Test
	void csvUpsertsByCode() {
		int group = freshCode();
		String csv = "kind,code,name,email,managerId,workGroupCode\n" + "WORK_GROUP," + group
				+ ",Backbone,backbone@example.com,elena,\n" + "SERVICE," + (group + 1) + ",Leased line,,," + group
				+ "\n";
		post("admin", csv, MediaType.parseMediaType("text/csv"), "");

		ResponseEntity<JsonNode> renamed = post("admin", csv.replace("Leased line", "Leased line 10G"),
				MediaType.parseMediaType("text/csv"), "");

		assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(renamed.getBody().at("/services/updated").asInt()).isOne();
		assertThat(this.jdbc.queryForObject("select name from service where code = ?", String.class, group + 1))
			.isEqualTo("Leased line 10G");
	}

	@Test
	void syncDeletesWhatNothingUsesAndRetiresWhatAnIncidentUses() {
		int group = freshCode();
		String withExtra = syncCatalog(group, true);
		post("admin", withExtra, MediaType.APPLICATION_JSON, "");
		insertIncidentFor(group + 1);

		ResponseEntity<JsonNode> result = post("admin", syncCatalog(group, false), MediaType.APPLICATION_JSON,
				"?mode=SYNC");

		assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
		// the used service and its group stay, retired; the unused service goes
		assertThat(this.jdbc.queryForObject("select retired_at is not null from service where code = ?", Boolean.class,
				group + 1))
			.isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from service where code = ?", Integer.class, group + 2))
			.isZero();
		assertThat(this.jdbc.queryForObject("select retired_at is not null from service_group where code = ?",
				Boolean.class, group))
			.isTrue();
		assertThat(result.getBody().at("/services/retired").asInt()).isOne();
		// other tests' entries, absent from this import, go too
		assertThat(result.getBody().at("/services/deleted").asInt()).isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from service where code = 1001 and retired_at is null",
				Integer.class))
			.isOne();
	}

	@Test
	void badEntriesAreReportedFieldByFieldAndNothingChanges() {
		int group = freshCode();
		String json = """
				{"workGroups":[{"code":%d,"name":"Fine","managerId":"olga"},{"code":-1,"name":"","email":"nope"}],
				 "services":[{"code":%d,"name":"Orphan","workGroupCode":999999}]}""".formatted(group, group + 1);

		ResponseEntity<JsonNode> response = post("admin", json, MediaType.APPLICATION_JSON, "");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(response.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:validation");
		assertThat(response.getBody().get("errors").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("workGroups[1].code", "workGroups[1].name", "workGroups[1].email",
					"workGroups[1].managerId", "services[0].workGroupCode");
		assertThat(this.jdbc.queryForObject("select count(*) from service_group where code = ?", Integer.class, group))
			.isZero();
	}

	@Test
	void anUnreadableBodyIsAProblemNotAStackTrace() {
		ResponseEntity<JsonNode> response = post("admin", "{\"workGroups\": [", MediaType.APPLICATION_JSON, "");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:validation");
		assertThat(response.getBody().toString()).doesNotContain("Exception");
	}

	@Test
	void anotherMediaTypeIsRefused() {
		ResponseEntity<JsonNode> response = post("admin", "<catalog/>", MediaType.APPLICATION_XML, "");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(response.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:unsupported-media-type");
	}

	@Test
	void aManagerMayNotImport() {
		ResponseEntity<JsonNode> response = post("olga", "{\"workGroups\":[]}", MediaType.APPLICATION_JSON, "");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:forbidden");
	}

	@Test
	void nobodyImportsWithoutSigningIn() {
		ResponseEntity<JsonNode> response = this.rest.postForEntity(IMPORT,
				new HttpEntity<>("{}", headers(MediaType.APPLICATION_JSON)), JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aWrongPasswordIsUnauthorized() {
		// nobody's account: Camunda delays a user's next logins after a wrong password
		ResponseEntity<JsonNode> response = this.rest.withBasicAuth("nobody", "wrong")
			.postForEntity(IMPORT, new HttpEntity<>("{}", headers(MediaType.APPLICATION_JSON)), JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void everyoneSignedInReadsTheCatalog() {
		ResponseEntity<JsonNode> services = this.rest.withBasicAuth("anna", "anna")
			.getForEntity("/api/services", JsonNode.class);
		ResponseEntity<JsonNode> groups = this.rest.withBasicAuth("ivan", "ivan")
			.getForEntity("/api/work-groups", JsonNode.class);

		assertThat(services.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(services.getBody().findValuesAsText("name")).contains("Home internet", "IPTV", "Billing dispute");
		assertThat(groups.getBody().findValuesAsText("managerId")).contains("olga", "elena");
	}

	private String syncCatalog(int group, boolean withExtraService) {
		String extra = withExtraService
				? ",{\"code\":%d,\"name\":\"Unused\",\"workGroupCode\":%d}".formatted(group + 2, group) : "";
		String kept = withExtraService
				? "{\"code\":%d,\"name\":\"Used\",\"workGroupCode\":%d},".formatted(group + 1, group) : "";
		String groupEntry = withExtraService
				? ",{\"code\":%d,\"name\":\"Temporary\",\"managerId\":\"olga\"}".formatted(group) : "";
		return """
				{"workGroups":[{"code":100,"name":"Network operations","email":"noc@example.com","managerId":"olga"},
				               {"code":200,"name":"Billing","email":"billing@example.com","managerId":"elena"}%s],
				 "services":[%s{"code":1001,"name":"Home internet","workGroupCode":100},
				             {"code":1002,"name":"IPTV","workGroupCode":100},
				             {"code":2001,"name":"Billing dispute","workGroupCode":200}%s]}""".formatted(groupEntry,
				kept, extra);
	}

	private void insertIncidentFor(int serviceCode) {
		Map<String, Object> service = this.jdbc.queryForMap("select id, work_group_id from service where code = ?",
				serviceCode);
		Long clientId = this.jdbc.queryForObject("select id from client where phone = '+79007778899'", Long.class);
		Long requestId = this.jdbc.queryForObject(
				"insert into service_request (created_at, channel, priority, status, client_id) values (now(), 'PHONE', 'NORMAL', 'NEW', ?) returning id",
				Long.class, clientId);
		this.jdbc.update(
				"insert into incident (created_at, service_id, work_group_id, priority, service_request_id, client_id, status) values (now(), ?, ?, 'NORMAL', ?, ?, 'CLOSED')",
				service.get("id"), service.get("work_group_id"), requestId, clientId);
	}

	private ResponseEntity<JsonNode> post(String user, String body, MediaType type, String query) {
		return this.rest.withBasicAuth(user, user)
			.postForEntity(IMPORT + query, new HttpEntity<>(body, headers(type)), JsonNode.class);
	}

	private static HttpHeaders headers(MediaType type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(type);
		return headers;
	}

	private static int freshCode() {
		return ThreadLocalRandom.current().nextInt(10_000, 1_000_000) * 10;
	}

}
