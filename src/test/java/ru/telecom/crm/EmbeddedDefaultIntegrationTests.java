package ru.telecom.crm;

import org.springframework.core.io.ByteArrayResource;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import java.net.HttpCookie;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.customer.IntakeResolution;
import ru.telecom.crm.shared.KeyRaceRetry;
import ru.telecom.crm.support.ConsoleSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default as {@code mvn spring-boot:run} starts it (H2 in memory here
 * instead of a file): Tasklist for the demo users, the API, and a lookup through H2's
 * LegacyDB.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:embedded-crm;DB_CLOSE_DELAY=-1",
				// engines are registered in a static registry that the engine REST API
				// reads by
				// name: this context's must not take the name of the PostgreSQL contexts'
				// engine
				"camunda.bpm.process-engine-name=" + EmbeddedDefaultIntegrationTests.ENGINE,
				"crm.legacy.url=jdbc:h2:mem:embedded-legacy;DB_CLOSE_DELAY=-1" })
class EmbeddedDefaultIntegrationTests {

	static final String ENGINE = "embedded";

	@Autowired
	TestRestTemplate rest;

	@LocalServerPort
	int port;

	@Autowired
	CustomerApi customers;

	@Autowired
	KeyRaceRetry keyRaceRetry;

	@Autowired
	RepositoryService repository;

	@Autowired
	FormService forms;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	@ParameterizedTest
	@ValueSource(strings = { "anna", "boris", "maria", "ivan", "petr", "olga", "sergey", "elena", "admin" })
	void everyDemoUserLogsIntoTasklist(String user) {
		ResponseEntity<String> page = this.rest.getForEntity("/camunda/app/tasklist/" + ENGINE + "/", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		String xsrf = cookie(page, "XSRF-TOKEN");
		String session = cookie(page, "JSESSIONID");

		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add("X-XSRF-TOKEN", xsrf);
		headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf + "; JSESSIONID=" + session);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", user);
		ResponseEntity<String> login = this.rest.exchange("/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist",
				HttpMethod.POST, new HttpEntity<>(form, headers), String.class);

		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(login.getBody()).contains("\"userId\":\"" + user + "\"").contains("tasklist");
	}

	@Test
	void aWrongPasswordDoesNotLogIn() {
		ResponseEntity<String> page = this.rest.getForEntity("/camunda/app/tasklist/" + ENGINE + "/", String.class);
		String xsrf = cookie(page, "XSRF-TOKEN");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add("X-XSRF-TOKEN", xsrf);
		headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf + "; JSESSIONID=" + cookie(page, "JSESSIONID"));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		// esb logs into no webapp; Camunda delays the next logins of a user after a wrong
		// password
		form.add("username", "esb");
		form.add("password", "anna");

		ResponseEntity<String> login = this.rest.exchange("/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist",
				HttpMethod.POST, new HttpEntity<>(form, headers), String.class);

		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theApiTakesTheDemoUsersPasswords() {
		ResponseEntity<String> services = this.rest.withBasicAuth("anna", "anna")
			.getForEntity("/api/services", String.class);

		assertThat(services.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(services.getBody()).contains("Home internet");
	}

	@Test
	void theFormsAreDeployedAndTheStartFormOpensARequestAsTheAgent() {
		String deployment = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("ServiceRequestProcess")
			.latestVersion()
			.singleResult()
			.getDeploymentId();
		assertThat(this.repository.getDeploymentResourceNames(deployment))
			.anyMatch((name) -> name.endsWith("QualifyRequest.form"))
			.anyMatch((name) -> name.endsWith("StartServiceRequest.form"))
			.anyMatch((name) -> name.endsWith("WorkIncident.form"))
			.filteredOn((name) -> name.endsWith(".form"))
			.hasSize(7);
		String definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("ServiceRequestProcess")
			.latestVersion()
			.singleResult()
			.getId();

		this.identity.setAuthentication("anna", List.of("helpdesk"));
		ProcessInstance started;
		try {
			started = this.forms.submitStartForm(definition, Map.of("clientPhone", "8 900 777 88 99", "orderCode",
					"ORD-3001", "description", "Started in Tasklist", "priority", "HIGH"));
		}
		finally {
			this.identity.clearAuthentication();
		}

		Task qualify = this.tasks.createTaskQuery().processInstanceId(started.getId()).singleResult();
		assertThat(qualify.getAssignee()).isEqualTo("anna");
		Task withForm = this.tasks.createTaskQuery().taskId(qualify.getId()).initializeFormKeys().singleResult();
		assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo("QualifyRequest");
		assertThat(withForm.getCamundaFormRef().getBinding()).isEqualTo("deployment");
		assertThat(this.runtime.getVariable(started.getId(), "clientSummary")).asString()
			.contains("Popov", "+79007778899");
		assertThat(this.runtime.getVariable(started.getId(), "orderSummary")).asString().startsWith("ORD-3001");
	}

	@Test
	void notesAndFilesAreKeptInH2Too() {
		ResponseEntity<JsonNode> opened = this.rest.withBasicAuth("anna", "anna")
			.postForEntity("/api/service-requests", Map.of("clientPhone", "+79007778899", "orderCode", "ORD-3001"),
					JsonNode.class);
		String item = "/api/service-requests/" + opened.getBody().get("id").asLong();
		byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
		HttpHeaders multipart = new HttpHeaders();
		multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
		LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(pdf) {
			@Override
			public String getFilename() {
				return "contract.pdf";
			}
		});

		ResponseEntity<JsonNode> note = this.rest.withBasicAuth("anna", "anna")
			.postForEntity(item + "/notes", Map.of("text", "Kept in H2"), JsonNode.class);
		ResponseEntity<JsonNode> file = this.rest.withBasicAuth("anna", "anna")
			.postForEntity(item + "/attachments", new HttpEntity<>(parts, multipart), JsonNode.class);
		ResponseEntity<byte[]> download = this.rest.withBasicAuth("anna", "anna")
			.getForEntity(item + "/attachments/" + file.getBody().get("id").asLong(), byte[].class);

		assertThat(note.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(file.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(download.getBody()).isEqualTo(pdf);
		assertThat(this.rest.withBasicAuth("anna", "anna").getForEntity(item + "/notes", JsonNode.class).getBody())
			.hasSize(1);
	}

	/**
	 * The managers' overview is the embedded default's board: its queries run on H2 too.
	 */
	@Test
	void theOverviewCountsOnH2Too() throws Exception {
		long request = this.rest.withBasicAuth("anna", "anna")
			.postForEntity("/api/service-requests",
					Map.of("clientPhone", "+79007778899", "orderCode", "ORD-3001", "priority", "HIGH"), JsonNode.class)
			.getBody()
			.get("id")
			.asLong();
		long incident = this.rest.withBasicAuth("anna", "anna")
			.postForEntity("/api/service-requests/" + request + "/incident", Map.of("serviceCode", 1001),
					JsonNode.class)
			.getBody()
			.get("id")
			.asLong();
		String status = "/api/incidents/" + incident + "/status";
		this.rest.withBasicAuth("olga", "olga")
			.postForEntity(status, Map.of("status", "ASSIGNED", "assignee", "ivan"), JsonNode.class);
		this.rest.withBasicAuth("ivan", "ivan").postForEntity(status, Map.of("status", "INWORK"), JsonNode.class);
		assertThat(this.rest.withBasicAuth("ivan", "ivan")
			.postForEntity(status, Map.of("status", "ON_HOLD", "holdReason", "Waiting for the client"), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		String overview = ConsoleSession.signedIn(this.port, "olga").get("/overview").body();

		assertThat(overview).contains("href=\"/incidents/" + incident + "\"", "Waiting for the client", ">ivan<",
				"href=\"/incidents?open=true&amp;group=100\"");
	}

	@Test
	void theServiceLevelsAreSeededAndReplacedOnH2Too() {
		ResponseEntity<JsonNode> seeded = this.rest.withBasicAuth("admin", "admin")
			.getForEntity("/api/admin/sla", JsonNode.class);
		assertThat(seeded.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(seeded.getBody().get("calendars")).hasSize(4);
		assertThat(seeded.getBody().get("policies")).hasSize(16);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);

		ResponseEntity<JsonNode> replaced = this.rest.withBasicAuth("admin", "admin")
			.exchange("/api/admin/sla", HttpMethod.PUT, new HttpEntity<>(seeded.getBody().toString(), headers),
					JsonNode.class);

		assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(replaced.getBody()).isEqualTo(seeded.getBody());
	}

	@Test
	void theLookupReadsTheH2LegacyDb() {
		IntakeResolution resolution = this.keyRaceRetry
			.inNewTransaction(() -> this.customers.resolve(IntakeParty.of("8-900-444-55-66", "ORD-2001")));

		assertThat(resolution.lookupCase()).isEqualTo(3);
	}

	private static String cookie(ResponseEntity<?> response, String name) {
		List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
		assertThat(cookies).as("cookies set by the Tasklist page").isNotNull();
		return cookies.stream()
			.flatMap((header) -> HttpCookie.parse(header).stream())
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies));
	}

}
