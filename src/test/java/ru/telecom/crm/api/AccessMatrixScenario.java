package ru.telecom.crm.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.ChannelMessage;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.servicerequest.ServiceRequestProcess.Decision;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;

import ru.telecom.crm.support.AsUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every role against the API's reads and actions on items of their own, of their group
 * and of another group (DESIGN §3): 200 where they may, 403 where they may only read, 404
 * where they may not even know. Runs with HTTP Basic in the embedded default and with
 * Keycloak bearer tokens.
 */
abstract class AccessMatrixScenario {

	private static final List<String> USERS = List.of("anna", "boris", "maria", "ivan", "petr", "olga", "sergey",
			"elena", "admin", "esb");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RequestActions requests;

	@Autowired
	IncidentActions incidents;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	IncidentApi incidentApi;

	@Autowired
	ServiceRequestApi requestApi;

	/** Anna's request, with an incident of work group 100 assigned to Ivan. */
	private ServiceRequestView annas;

	private IncidentView annasIncident;

	/** Anna's request without an incident. */
	private ServiceRequestView annasOther;

	/** Boris's request, with an incident of work group 200 assigned to Sergey. */
	private IncidentView borisBilling;

	/** Boris's request, with a NEW incident in work group 100's queue. */
	private ServiceRequestView borisQueued;

	private IncidentView queued;

	/** The headers that make a call as this user. */
	abstract HttpHeaders as(String user);

	@BeforeEach
	void openItems() {
		this.annas = as("anna", () -> this.requests.open(request("Slow internet")));
		this.annasIncident = as("anna", () -> this.requests.openIncident(this.annas.id(), 1001));
		as("olga", () -> this.incidents.changeStatus(this.annasIncident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		this.annasOther = as("anna", () -> this.requests.open(request("Question about the bill")));
		ServiceRequestView borisOwn = as("boris", () -> this.requests.open(request("Refund")));
		this.borisBilling = as("boris", () -> this.requests.openIncident(borisOwn.id(), 2001));
		as("elena", () -> this.incidents.changeStatus(this.borisBilling.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("sergey", null, null)));
		this.borisQueued = as("boris", () -> this.requests.open(request("TV freezes")));
		this.queued = as("boris", () -> this.requests.openIncident(this.borisQueued.id(), 1002));
	}

	@Test
	void everyRoleReadsExactlyWhatDesignThreeGivesIt() {
		List<String> wrong = new ArrayList<>();
		expect(wrong, "GET", "/api/service-requests/" + this.annas.id(), null,
				"anna 200 boris 404 maria 200 ivan 200 " + "petr 404 olga 200 sergey 404 elena 404 admin 200 esb 404");
		expect(wrong, "GET", "/api/service-requests/" + this.annasOther.id(), null,
				"anna 200 boris 404 maria 200 ivan 404 petr 404 olga 404 sergey 404 elena 404 admin 200 esb 404");
		expect(wrong, "GET", "/api/incidents/" + this.annasIncident.id(), null,
				"anna 200 boris 404 maria 200 ivan 200 petr 404 olga 200 sergey 404 elena 404 admin 200 esb 404");
		expect(wrong, "GET", "/api/incidents/" + this.borisBilling.id(), null,
				"anna 404 boris 200 maria 200 ivan 404 petr 404 olga 404 sergey 200 elena 200 admin 200 esb 404");
		expect(wrong, "GET", "/api/incidents/" + this.queued.id(), null,
				"anna 404 boris 200 maria 200 ivan 200 petr 200 olga 200 sergey 404 elena 404 admin 200 esb 404");
		expect(wrong, "GET", "/api/service-requests/" + this.borisQueued.id() + "/statuses", null,
				"anna 404 boris 200 maria 200 ivan 200 petr 200 olga 200 sergey 404 elena 404 admin 200 esb 404");
		expect(wrong, "GET", "/api/incidents/" + this.annasIncident.id() + "/statuses", null,
				"anna 200 boris 404 petr 404 elena 404");
		// notes and files: whoever reads the item reads them (DESIGN §13)
		expect(wrong, "GET", "/api/service-requests/" + this.annas.id() + "/notes", null,
				"anna 200 boris 404 maria 200 ivan 200 petr 404 olga 200 sergey 404 elena 404 admin 200 esb 404");
		expect(wrong, "GET", "/api/incidents/" + this.queued.id() + "/attachments", null,
				"anna 404 boris 200 maria 200 ivan 200 petr 200 olga 200 sergey 404 elena 404 admin 200 esb 404");
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyRoleChangesOnlyWhatItOwnsAndReadOnlyIsForbidden() {
		List<String> wrong = new ArrayList<>();
		// full access gets as far as the state machine, which refuses these
		expect(wrong, "POST", "/api/incidents/" + this.annasIncident.id() + "/status", "{\"status\":\"CLOSED\"}",
				"anna 403 boris 404 maria 403 ivan 409 petr 404 olga 409 sergey 404 elena 404 admin 409 esb 404");
		expect(wrong, "POST", "/api/incidents/" + this.queued.id() + "/status", "{\"status\":\"ON_HOLD\"}",
				"anna 404 boris 403 maria 403 ivan 409 petr 409 olga 409 sergey 404 elena 404 esb 404");
		expect(wrong, "POST", "/api/service-requests/" + this.annas.id() + "/close", null,
				"anna 409 boris 404 maria 409 ivan 403 petr 404 olga 403 sergey 404 elena 404 esb 404");
		expect(wrong, "POST", "/api/service-requests/" + this.annasOther.id() + "/incident", "{\"serviceCode\":9999}",
				"anna 400 boris 404 maria 400 ivan 404 petr 404 olga 404 sergey 404 elena 404 admin 400 esb 404");
		expect(wrong, "POST", "/api/incidents/" + this.borisBilling.id() + "/unlink", null,
				"anna 404 boris 403 ivan 404 olga 404 maria 403");
		// notes: whoever may change the item adds them (DESIGN §13)
		expect(wrong, "POST", "/api/service-requests/" + this.annasOther.id() + "/notes", "{\"text\":\"Called\"}",
				"anna 201 boris 404 maria 201 ivan 404 olga 404 sergey 404 admin 201 esb 404");
		expect(wrong, "POST", "/api/incidents/" + this.annasIncident.id() + "/notes", "{\"text\":\"Reset\"}",
				"anna 403 boris 404 maria 403 ivan 201 petr 404 olga 201 sergey 404 elena 404 admin 201 esb 404");
		assertThat(wrong).isEmpty();
	}

	@Test
	void listsShowOnlyWhatTheCallerMaySee() {
		assertThat(ids("anna", "/api/service-requests?size=200")).contains(this.annas.id(), this.annasOther.id())
			.doesNotContain(this.borisQueued.id());
		assertThat(ids("maria", "/api/service-requests?size=200")).contains(this.annas.id(), this.borisQueued.id());
		assertThat(ids("petr", "/api/service-requests?size=200")).contains(this.borisQueued.id())
			.doesNotContain(this.annas.id(), this.annasOther.id());
		assertThat(ids("ivan", "/api/service-requests?size=200")).contains(this.annas.id(), this.borisQueued.id())
			.doesNotContain(this.annasOther.id(), this.borisBilling.serviceRequestId());
		assertThat(ids("olga", "/api/service-requests?size=200")).contains(this.annas.id(), this.borisQueued.id())
			.doesNotContain(this.annasOther.id(), this.borisBilling.serviceRequestId());
		assertThat(ids("elena", "/api/service-requests?size=200")).contains(this.borisBilling.serviceRequestId())
			.doesNotContain(this.annas.id(), this.annasOther.id(), this.borisQueued.id());
		assertThat(ids("ivan", "/api/incidents?size=200")).contains(this.annasIncident.id(), this.queued.id())
			.doesNotContain(this.borisBilling.id());
		assertThat(ids("petr", "/api/incidents?size=200")).contains(this.queued.id())
			.doesNotContain(this.annasIncident.id(), this.borisBilling.id());
		assertThat(ids("elena", "/api/incidents?size=200")).contains(this.borisBilling.id())
			.doesNotContain(this.annasIncident.id(), this.queued.id());
		assertThat(ids("anna", "/api/incidents?size=200")).contains(this.annasIncident.id())
			.doesNotContain(this.borisBilling.id(), this.queued.id());
		assertThat(ids("maria", "/api/incidents?size=200")).contains(this.annasIncident.id(), this.borisBilling.id(),
				this.queued.id());
		assertThat(ids("boris", "/api/incidents?size=200")).contains(this.borisBilling.id(), this.queued.id())
			.doesNotContain(this.annasIncident.id());
		assertThat(ids("esb", "/api/incidents?size=200")).isEmpty();
	}

	@Test
	void ownersActThroughTheProcesses() {
		ResponseEntity<JsonNode> opened = call("boris", "POST", "/api/service-requests",
				"{\"clientPhone\":\"8 900 777 88 99\",\"orderCode\":\"ORD-3001\",\"description\":\"Noise on the line\"}");
		ResponseEntity<JsonNode> started = call("ivan", "POST", "/api/incidents/" + this.annasIncident.id() + "/status",
				"{\"status\":\"INWORK\"}");
		ResponseEntity<JsonNode> claimed = call("petr", "POST", "/api/incidents/" + this.queued.id() + "/status",
				"{\"status\":\"INWORK\"}");
		ResponseEntity<JsonNode> byEngineer = call("ivan", "POST", "/api/service-requests",
				"{\"orderCode\":\"ORD-1\"}");

		assertThat(opened.getStatusCode().value()).isEqualTo(201);
		assertThat(opened.getBody().get("assignee").asText()).isEqualTo("boris");
		assertThat(started.getBody().get("status").asText()).isEqualTo("INWORK");
		assertThat(claimed.getBody().get("assignee").asText()).isEqualTo("petr");
		assertThat(byEngineer.getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void anAdministratorOpensARequestThatIsThenTheirsAsAnAgentsWouldBe() {
		ResponseEntity<JsonNode> opened = call("admin", "POST", "/api/service-requests",
				"{\"clientPhone\":\"8 900 777 88 99\",\"orderCode\":\"ORD-3001\",\"description\":\"Set up by IT\"}");
		ResponseEntity<JsonNode> byEsb = call("esb", "POST", "/api/service-requests", "{\"orderCode\":\"ORD-1\"}");

		assertThat(opened.getStatusCode().value()).isEqualTo(201);
		assertThat(opened.getBody().get("assignee").asText()).isEqualTo("admin");
		assertThat(byEsb.getStatusCode().value()).isEqualTo(403);
		long id = opened.getBody().get("id").asLong();
		// theirs: listed, qualified by them, and no agent's
		assertThat(ids("admin", "/api/service-requests?size=200")).contains(id);
		assertThat(call("anna", "GET", "/api/service-requests/" + id, null).getStatusCode().value()).isEqualTo(404);
		ResponseEntity<JsonNode> closed = call("admin", "POST", "/api/service-requests/" + id + "/close", null);
		assertThat(closed.getStatusCode().value()).isEqualTo(200);
		assertThat(closed.getBody().get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.getBody().get("assignee").asText()).isEqualTo("admin");
	}

	@Test
	void anIncidentOfAHelpdeskQueueRequestIsListedForEveryoneWhoMayReadIt() {
		ServiceRequestView received = this.requests
			.receive(new ChannelMessage(Channel.SMS, "ORD-3001 no signal", "+79007778899", "ORD-3001", "no signal"));
		// the lookup runs as a job; then the request waits in the helpdesk queue,
		// unassigned
		Task qualify = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.tasks.createTaskQuery()
				.processInstanceId(received.processInstanceId())
				.taskDefinitionKey(ServiceRequestProcess.TASK_QUALIFY_REQUEST)
				.singleResult(), (task) -> task != null);
		assertThat(qualify.getAssignee()).isNull();
		// an administrator qualifies it in Tasklist without claiming it: it stays a queue
		// request
		new AsUser(this.identity).get("admin", List.of(Directory.ADMIN_GROUP), () -> {
			this.tasks.complete(qualify.getId(), Map.of(ServiceRequestProcess.DECISION, Decision.OPEN_INCIDENT.name(),
					ServiceRequestProcess.SERVICE_CODE, 1002));
			return null;
		});
		long incidentId = this.incidentApi.findByServiceRequest(received.id()).orElseThrow().id();
		assertThat(this.requestApi.find(received.id()).orElseThrow().assignee()).isNull();

		List<String> wrong = new ArrayList<>();
		List<String> readers = new ArrayList<>();
		for (String user : USERS) {
			boolean reads = call(user, "GET", "/api/incidents/" + incidentId, null).getStatusCode().value() == 200;
			boolean listed = ids(user, "/api/incidents?size=200").contains(incidentId);
			if (reads) {
				readers.add(user);
			}
			if (reads != listed) {
				wrong.add(user + (reads ? " reads it but does not list it" : " lists it but may not read it"));
			}
		}
		assertThat(wrong).isEmpty();
		// the helpdesk's queue (anna, boris) reads it, as does its work group's queue
		assertThat(readers).contains("anna", "boris", "ivan", "petr", "olga", "admin")
			.doesNotContain("sergey", "elena", "esb");
	}

	private void expect(List<String> wrong, String method, String path, String body, String table) {
		String[] cells = table.split(" ");
		for (int i = 0; i < cells.length; i += 2) {
			int status = call(cells[i], method, path, body).getStatusCode().value();
			if (status != Integer.parseInt(cells[i + 1])) {
				wrong.add(cells[i] + " " + method + " " + path + ": " + status + ", expected " + cells[i + 1]);
			}
		}
	}

	private List<Long> ids(String user, String path) {
		List<Long> ids = new ArrayList<>();
		call(user, "GET", path, null).getBody().get("items").forEach((item) -> ids.add(item.get("id").asLong()));
		return ids;
	}

	private ResponseEntity<JsonNode> call(String user, String method, String path, String body) {
		HttpHeaders headers = as(user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), JsonNode.class);
	}

	private static OpenRequest request(String description) {
		return new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), description, null);
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

}
