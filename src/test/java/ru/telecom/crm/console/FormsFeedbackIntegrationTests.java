package ru.telecom.crm.console;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.RequestSearch;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.status.ActivityEntry;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.status.StatusRecorder.EntityType;
import ru.telecom.crm.support.ConsoleSession;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feedback at every step and less typing (issue 13, items 3 and 5), at each door: the
 * console's request form keeps what was typed and says what is wrong on its field; an
 * order of another client is a refusal, never a 500; closing without an incident needs a
 * reason, which is kept; the engineer pickers list the group's engineers with their open
 * load; an assigned incident is reassigned and its task follows.
 */
@PostgresIntegrationTest
class FormsFeedbackIntegrationTests {

	/** Popov's client id: ours from the start (DESIGN §11). */
	private long popov;

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RequestActions requestActions;

	@Autowired
	IncidentActions incidentActions;

	@Autowired
	ServiceRequestApi requests;

	@Autowired
	IncidentApi incidents;

	@Autowired
	StatusHistory history;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@BeforeEach
	void findPopov() {
		this.popov = open("anna", "Who is Popov").clientId();
	}

	@Test
	void aRefusedRequestFormKeepsWhatWasTypedAndSaysWhatIsWrongOnItsField() throws Exception {
		ConsoleSession anna = signedIn("anna");
		anna.get("/clients/" + this.popov);
		long before = this.requests
			.search(new RequestSearch(null, null, this.popov, null, null, null, null, null),
					org.springframework.data.domain.Pageable.ofSize(1))
			.getTotalElements();

		// ORD-1001 is Smirnov's (LegacyDB)
		HttpResponse<String> refused = anna.post("/clients/" + this.popov + "/requests",
				Map.of("order", "NEW", "newOrderCode", "ORD-1001", "description",
						"Slow since Tuesday & the router blinks", "priority", "HIGH"));

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("Slow since Tuesday &amp; the router blinks")
			.contains("value=\"ORD-1001\"")
			.containsPattern("<option value=\"HIGH\" selected")
			.contains("id=\"newOrderCode-error\"")
			.contains("belongs to another client")
			.containsPattern("id=\"newOrderCode\"[^>]*aria-invalid=\"true\"")
			.containsPattern("id=\"newOrderCode\"[^>]*aria-describedby=\"newOrderCode-error\"")
			.containsPattern("id=\"newOrderCode\"[^>]*autofocus");
		assertThat(this.requests
			.search(new RequestSearch(null, null, this.popov, null, null, null, null, null),
					org.springframework.data.domain.Pageable.ofSize(1))
			.getTotalElements()).isEqualTo(before);

		HttpResponse<String> noOrder = anna.post("/clients/" + this.popov + "/requests",
				Map.of("order", "", "description", "Kept as typed"));
		assertThat(noOrder.statusCode()).isEqualTo(400);
		assertThat(noOrder.body()).contains("Kept as typed")
			.containsPattern("id=\"order\"[^>]*aria-invalid=\"true\"")
			.contains("choose the order the client calls about");

		HttpResponse<String> opened = anna.post("/clients/" + this.popov + "/requests",
				Map.of("order", "ORD-3001", "description", "Picked from the list"));
		assertThat(opened.statusCode()).isEqualTo(302);
	}

	@Test
	void theRequestFormListsTheClientsOrdersAndNoServiceIsChosenForTheAgent() throws Exception {
		ConsoleSession anna = signedIn("anna");
		String page = anna.get("/clients/" + this.popov).body();
		assertThat(page).contains("<option value=\"\">Choose the order</option>")
			.contains("<option value=\"ORD-3001\">ORD-3001")
			.contains("<option value=\"NEW\">");

		ServiceRequestView request = open("anna", "No default service");
		String requestPage = anna.get("/requests/" + request.id()).body();
		assertThat(requestPage).contains("<option value=\"\" selected>Choose the service</option>");
		HttpResponse<String> noService = anna.post("/requests/" + request.id() + "/incident", Map.of());
		assertThat(noService.statusCode()).isEqualTo(302);
		assertThat(anna.get("/requests/" + request.id()).body())
			.containsPattern("id=\"serviceCode\"[^>]*aria-invalid=\"true\"")
			.contains("Choose the service the incident is for.");
		assertThat(this.requests.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.NEW);
	}

	@Test
	void closingWithoutAnIncidentInTheConsoleNeedsAReasonWhichIsKept() throws Exception {
		ServiceRequestView request = open("anna", "Asks about the bill date");
		ConsoleSession anna = signedIn("anna");
		assertThat(anna.get("/requests/" + request.id()).body()).contains("Why no incident can be opened");

		anna.post("/requests/" + request.id() + "/close", Map.of("reason", "  "));
		assertThat(this.requests.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.NEW);
		assertThat(anna.get("/requests/" + request.id()).body())
			.containsPattern("id=\"closeReason\"[^>]*aria-invalid=\"true\"")
			.contains("Say why the request is closed without an incident.");

		anna.post("/requests/" + request.id() + "/close", Map.of("reason", "Only asked when the bill comes"));

		assertThat(this.requests.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(this.history.activitiesOf(EntityType.SERVICE_REQUEST, request.id()))
			.extracting(ActivityEntry::kind, ActivityEntry::actorId, ActivityEntry::details)
			.contains(org.assertj.core.groups.Tuple.tuple("CLOSE_REASON", "anna", "Only asked when the bill comes"));
		assertThat(signedIn("boris").post("/requests/" + request.id() + "/close", Map.of("reason", "x")).statusCode())
			.as("another agent's request")
			.isEqualTo(404);
	}

	@Test
	void theApisCloseTakesAnOptionalReasonAndRefusesABlankOne() {
		ServiceRequestView withReason = open("anna", "API close with a reason");
		ServiceRequestView without = open("anna", "API close as before");

		ResponseEntity<JsonNode> blank = api("anna", "/api/service-requests/" + withReason.id() + "/close",
				Map.of("reason", " "));
		assertThat(blank.getStatusCode().value()).isEqualTo(400);
		assertThat(blank.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(blank.getBody().path("errors").has("reason")).isTrue();
		assertThat(this.requests.find(withReason.id()).orElseThrow().status()).isEqualTo(RequestStatus.NEW);

		assertThat(api("anna", "/api/service-requests/" + withReason.id() + "/close",
				Map.of("reason", "Wrong number, no service concerned"))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(this.history.activitiesOf(EntityType.SERVICE_REQUEST, withReason.id()))
			.extracting(ActivityEntry::details)
			.contains("Wrong number, no service concerned");
		assertThat(api("anna", "/api/service-requests/" + without.id() + "/close", null).getStatusCode().value())
			.as("a client that sends no body keeps working")
			.isEqualTo(200);
		assertThat(api("boris", "/api/service-requests/" + open("anna", "hidden").id() + "/close",
				Map.of("reason", "not mine"))
			.getStatusCode()
			.value()).as("hidden from another agent").isEqualTo(404);
		assertThat(
				api("anna", "/api/service-requests/987654321/close", Map.of("reason", "none")).getStatusCode().value())
			.isEqualTo(404);
		assertThat(
				api("ivan", "/api/service-requests/" + without.id() + "/close", Map.of("reason", "x")).getStatusCode()
					.value())
			.as("an engineer never closes requests")
			.isIn(403, 404);
	}

	@Test
	void anOrderOfAnotherClientIsARefusalAtTheApi() {
		ResponseEntity<JsonNode> refused = api("anna", "/api/service-requests",
				Map.of("channel", "PHONE", "clientPhone", "+79007778899", "orderCode", "ORD-1001"));

		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody().path("detail").asText()).contains("ORD-1001").contains("another client");
	}

	@Test
	void theEngineerPickersListTheGroupsEngineersWithTheirOpenLoad() throws Exception {
		ServiceRequestView request = open("anna", "Picker check");
		IncidentView incident = new AsUser(this.identity).get("anna",
				() -> this.requestActions.openIncident(request.id(), 1001));

		// Tasklist's AssignEngineer form reads its options from the task
		Task assign = this.tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).singleResult();
		String choices = String.valueOf(this.tasks.getVariable(assign.getId(), "engineerChoices"));
		assertThat(choices).contains("\"value\":\"ivan\"", "\"value\":\"petr\"", "\"value\":\"olga\"")
			.containsPattern("\\(ivan\\) — \\d+ open / открыто: \\d+")
			.doesNotContain("sergey", "anna");

		ConsoleSession olga = signedIn("olga");
		String page = olga.get("/incidents/" + incident.id()).body();
		assertThat(page).containsPattern("<option value=\"ivan\">[^<]*\\(ivan\\) — \\d+ open</option>")
			.doesNotContain("value=\"sergey\"");
	}

	@Test
	void anAssignedIncidentIsReassignedInTheConsoleAndItsTaskFollows() throws Exception {
		ServiceRequestView request = open("anna", "Reassign check");
		AsUser as = new AsUser(this.identity);
		IncidentView incident = as.get("anna", () -> this.requestActions.openIncident(request.id(), 1001));
		as.run("olga", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.INWORK,
				new TransitionDetails("ivan", null, null)));
		String path = "/incidents/" + incident.id();

		ConsoleSession ivan = signedIn("ivan");
		assertThat(ivan.get(path).body()).contains("id=\"reassign\"").contains("<option value=\"petr\">");
		assertThat(signedIn("anna").post(path + "/reassign", Map.of("assignee", "petr")).statusCode())
			.as("the helpdesk reads, never changes")
			.isEqualTo(403);
		assertThat(signedIn("sergey").post(path + "/reassign", Map.of("assignee", "sergey")).statusCode())
			.as("another work group")
			.isEqualTo(404);
		ivan.post(path + "/reassign", Map.of("assignee", "sergey"));
		assertThat(ivan.get(path).body()).as("not an engineer of the group").contains("class=\"problem\"");
		assertThat(this.incidents.find(incident.id()).orElseThrow().assignee()).isEqualTo("ivan");

		HttpResponse<String> handed = ivan.post(path + "/reassign", Map.of("assignee", "petr"));

		assertThat(handed.statusCode()).isEqualTo(302);
		assertThat(handed.headers().firstValue("Location").orElseThrow()).endsWith("/incidents");
		assertThat(this.incidents.find(incident.id()).orElseThrow().assignee()).isEqualTo("petr");
		assertThat(this.incidents.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.INWORK);
		assertThat(this.tasks.createTaskQuery()
			.processInstanceId(incident.processInstanceId())
			.singleResult()
			.getAssignee()).isEqualTo("petr");
		assertThat(this.history.activitiesOf(EntityType.INCIDENT, incident.id())).extracting(ActivityEntry::kind)
			.contains("REASSIGNED");
	}

	@Test
	void anIncidentNotYetStartedIsReassignedByItsEngineer() throws Exception {
		ServiceRequestView request = open("anna", "Reassign before the start");
		AsUser as = new AsUser(this.identity);
		IncidentView incident = as.get("anna", () -> this.requestActions.openIncident(request.id(), 1001));
		as.run("olga", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		String path = "/incidents/" + incident.id();
		ConsoleSession ivan = signedIn("ivan");
		ivan.get(path);

		HttpResponse<String> handed = ivan.post(path + "/reassign", Map.of("assignee", "petr"));

		// no longer his: he lands on his list, with the notice
		assertThat(handed.headers().firstValue("Location").orElseThrow()).endsWith("/incidents");
		assertThat(ivan.get(path).statusCode()).isEqualTo(404);
		assertThat(this.incidents.find(incident.id()).orElseThrow().assignee()).isEqualTo("petr");
		assertThat(this.tasks.createTaskQuery()
			.processInstanceId(incident.processInstanceId())
			.singleResult()
			.getAssignee()).isEqualTo("petr");
	}

	private ServiceRequestView open(String user, String description) {
		return new AsUser(this.identity).get(user, List.of("helpdesk"), () -> this.requestActions
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), description, null)));
	}

	private ResponseEntity<JsonNode> api(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
	}

	private ConsoleSession signedIn(String user) throws IOException, InterruptedException {
		return ConsoleSession.signedIn(this.port, user);
	}

}
