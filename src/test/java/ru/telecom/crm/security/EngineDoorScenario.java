package ru.telecom.crm.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
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
import ru.telecom.crm.notification.IncidentMailProcess;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.ChannelMessage;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.status.ActivityEntry;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.status.StatusRecorder.EntityType;
import ru.telecom.crm.support.AsUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The engine's own doors attacked as a user would (DESIGN §3): every write a
 * non-administrator can send to the engine's API is aimed at someone else's item, and
 * afterwards nothing of that item has changed (status, close reason, assignee, process
 * variables) and the attacker's own item still waits at its step. Run through the engine
 * REST API and through the API Tasklist itself calls, in both identity modes.
 */
abstract class EngineDoorScenario {

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
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService historyService;

	@Autowired
	StatusHistory history;

	/** Anna's own request, waiting at "Qualify the request". */
	private ServiceRequestView annas;

	/** Boris's own request, waiting at "Qualify the request". */
	private ServiceRequestView boris;

	/** An incident of work group 100, at work with Ivan. */
	private IncidentView ivans;

	/** An incident of work group 200, at work with Sergey. */
	private IncidentView sergeys;

	/** A NEW incident in work group 100's queue. */
	private IncidentView queuedIncident;

	/** A request from a channel no one could identify, in the helpdesk queue. */
	private ServiceRequestView queued;

	/** The headers that make a call as this user at this door. */
	abstract HttpHeaders as(String user);

	/** Where the engine's API is at this door. */
	abstract String engine();

	@BeforeEach
	void openItems() {
		this.annas = as("anna", () -> this.requestActions.open(request("Slow internet")));
		this.boris = as("boris", () -> this.requestActions.open(request("No TV")));
		ServiceRequestView forIvan = as("anna", () -> this.requestActions.open(request("Line down")));
		this.ivans = as("anna", () -> this.requestActions.openIncident(forIvan.id(), 1001));
		as("olga", () -> this.incidentActions.changeStatus(this.ivans.id(), IncidentStatus.INWORK,
				new TransitionDetails("ivan", null, null)));
		ServiceRequestView forSergey = as("boris", () -> this.requestActions.open(request("Wrong bill")));
		this.sergeys = as("boris", () -> this.requestActions.openIncident(forSergey.id(), 2001));
		as("elena", () -> this.incidentActions.changeStatus(this.sergeys.id(), IncidentStatus.INWORK,
				new TransitionDetails("sergey", null, null)));
		ServiceRequestView forQueue = as("boris", () -> this.requestActions.open(request("TV freezes")));
		this.queuedIncident = as("boris", () -> this.requestActions.openIncident(forQueue.id(), 1002));
		this.queued = this.requestActions
			.receive(new ChannelMessage(Channel.ESB, "hello, it is me", null, null, "hello, it is me"));
		// the lookup runs as a job and leaves the caller to an agent
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.tasks.createTaskQuery().processInstanceId(this.queued.processInstanceId()).count() == 1);
	}

	@Test
	void aTaskCompletionWritesOnlyTheFieldsOfItsForm() {
		Snapshot before = snapshot();

		expectRefused(call("anna", "POST", "/task/" + taskOf(this.annas) + "/complete", Map.of("variables",
				Map.of("requestDecision", value("CLOSE"), "serviceRequestId", value(this.boris.id())))));
		expectRefused(call("ivan", "POST", "/task/" + taskOf(this.ivans) + "/complete", Map.of("variables", Map
			.of("decision", value("CLOSE"), "narrative", value("done"), "incidentId", value(this.sergeys.id())))));
		expectRefused(call("ivan", "POST", "/task/" + taskOf(this.ivans) + "/submit-form",
				Map.of("variables", Map.of("decision", value("HOLD"), "engineer", value("petr")))));
		expectRefused(call("anna", "POST", "/task/" + taskOf(this.annas) + "/complete",
				Map.of("variables", Map.of("requestDecision", value("ESCALATE")))));
		expectRefused(call("ivan", "POST", "/task/" + taskOf(this.ivans) + "/complete",
				Map.of("variables", Map.of("decision", value("CLOSE"), "narrative", value("x".repeat(8001))))));
		expectRefused(call("anna", "POST", "/task/" + taskOf(this.annas) + "/complete",
				Map.of("variables",
						Map.of("requestDecision",
								Map.of("value", "CLOSE", "type", "Object", "valueInfo",
										Map.of("objectTypeName", "java.lang.String", "serializationDataFormat",
												"application/x-java-serialized-object"))))));

		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void whatTheFormOnlyShowsIsNeverWritten() {
		String task = taskOf(this.ivans);
		String summary = (String) this.runtime.getVariable(this.ivans.processInstanceId(), "incidentSummary");

		ResponseEntity<JsonNode> held = call("ivan", "POST", "/task/" + task + "/submit-form",
				Map.of("variables", Map.of("decision", value("HOLD"), "holdReason", value("waiting for a part"),
						"incidentSummary", value("Client: someone else entirely"))));

		assertThat(held.getStatusCode().value()).as(String.valueOf(held.getBody())).isEqualTo(204);
		assertThat(this.incidents.find(this.ivans.id()).orElseThrow().status()).isEqualTo(IncidentStatus.ON_HOLD);
		assertThat(this.runtime.getVariable(this.ivans.processInstanceId(), "incidentSummary")).isEqualTo(summary);
	}

	@Test
	void theOwnTaskIsCompletedWithItsFormAndGoesOn() {
		// as Tasklist sends it: the read-only fields come back as they were
		String task = taskOf(this.annas);
		ResponseEntity<JsonNode> closed = call("anna", "POST", "/task/" + task + "/submit-form",
				Map.of("variables",
						Map.of("requestDecision", value("CLOSE"), "closingReason",
								Map.of("value", " Asked for the bill date only ", "type", "String"), "clientSummary",
								value(this.tasks.getVariable(task, "clientSummary")), "description",
								value(this.tasks.getVariable(task, "description")))));

		assertThat(closed.getStatusCode().value()).as(String.valueOf(closed.getBody())).isEqualTo(204);
		assertThat(this.requests.find(this.annas.id()).orElseThrow().status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(this.history.activitiesOf(EntityType.SERVICE_REQUEST, this.annas.id()))
			.extracting(ActivityEntry::kind, ActivityEntry::actorId, ActivityEntry::details)
			.contains(tuple("CLOSE_REASON", "anna", "Asked for the bill date only"));
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(this.annas.processInstanceId())
			.variableName("closingReason")
			.count()).as("the reason is an activity, never a variable").isZero();
	}

	@Test
	void closingWithoutAnIncidentFromTasklistNeedsAReasonWithinItsLength() {
		String task = taskOf(this.annas);
		Snapshot before = snapshot();

		ResponseEntity<JsonNode> without = call("anna", "POST", "/task/" + task + "/submit-form",
				Map.of("variables", Map.of("requestDecision", value("CLOSE"))));
		ResponseEntity<JsonNode> blank = call("anna", "POST", "/task/" + task + "/submit-form",
				Map.of("variables", Map.of("requestDecision", value("CLOSE"), "closingReason", value("   "))));
		ResponseEntity<JsonNode> tooLong = call("anna", "POST", "/task/" + task + "/submit-form", Map.of("variables",
				Map.of("requestDecision", value("CLOSE"), "closingReason", value("x".repeat(1001)))));

		for (ResponseEntity<JsonNode> refused : List.of(without, blank, tooLong)) {
			assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
			assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
			assertThat(refused.getBody().path("errors").has("closingReason")).isTrue();
		}
		assertThat(without.getBody().path("message").asText())
			.isEqualTo("The form's fields were not filled in as the form asks: closingReason is required.");
		assertThat(tooLong.getBody().path("message").asText())
			.endsWith("closingReason is longer than 1000 characters.");
		assertThat(snapshot()).isEqualTo(before);
		assertThat(this.requests.find(this.annas.id()).orElseThrow().status()).isEqualTo(RequestStatus.NEW);
		assertThat(call("anna", "POST", "/task/unknown-task/submit-form",
				Map.of("variables", Map.of("requestDecision", value("CLOSE"), "closingReason", value("x"))))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(call("boris", "POST", "/task/" + task + "/submit-form",
				Map.of("variables", Map.of("requestDecision", value("CLOSE"), "closingReason", value("not mine"))))
			.getStatusCode()
			.value()).isIn(403, 404);
	}

	/**
	 * Issue 15: the priority is changed in Tasklist as in the API and the console, with a
	 * reason, by whoever completes the item's step; the steps after it carry the new
	 * priority and due date, and the form's two fields are never stored.
	 */
	@Test
	void aPriorityChangedOnATaskFormMovesTheItemWithItsReason() {
		String task = taskOf(this.queuedIncident);
		assertThat(call("olga", "POST", "/task/" + task + "/claim", Map.of("userId", "olga")).getStatusCode().value())
			.isEqualTo(204);
		Snapshot before = snapshot();

		ResponseEntity<JsonNode> withoutReason = call("olga", "POST", "/task/" + task + "/submit-form", Map.of(
				"variables",
				Map.of("decision", value("ASSIGN"), "engineer", value("petr"), "newPriority", value("CRITICAL"))));
		ResponseEntity<JsonNode> unknown = call("olga", "POST", "/task/" + task + "/submit-form",
				Map.of("variables", Map.of("decision", value("ASSIGN"), "engineer", value("petr"), "newPriority",
						value("URGENT"), "priorityReason", value("now"))));
		assertThat(withoutReason.getStatusCode().value()).as(String.valueOf(withoutReason.getBody())).isEqualTo(400);
		assertThat(withoutReason.getBody().path("errors").has("priorityReason")).isTrue();
		assertThat(unknown.getStatusCode().value()).as(String.valueOf(unknown.getBody())).isEqualTo(400);
		assertThat(unknown.getBody().path("errors").has("newPriority")).isTrue();
		assertThat(snapshot()).isEqualTo(before);

		ResponseEntity<JsonNode> assigned = call("olga", "POST", "/task/" + task + "/submit-form",
				Map.of("variables", Map.of("decision", value("ASSIGN"), "engineer", value("petr"), "newPriority",
						value("CRITICAL"), "priorityReason", value(" The whole street is down "))));

		assertThat(assigned.getStatusCode().value()).as(String.valueOf(assigned.getBody())).isEqualTo(204);
		IncidentView after = this.incidents.find(this.queuedIncident.id()).orElseThrow();
		assertThat(after.priority()).isEqualTo(Priority.CRITICAL);
		assertThat(after.assignee()).isEqualTo("petr");
		assertThat(this.history.activitiesOf(EntityType.INCIDENT, after.id()))
			.extracting(ActivityEntry::kind, ActivityEntry::actorId, ActivityEntry::details)
			.contains(tuple("PRIORITY_CHANGED", "olga",
					this.queuedIncident.priority() + " → CRITICAL: " + "The whole street is down"));
		Task next = this.tasks.createTaskQuery().processInstanceId(after.processInstanceId()).singleResult();
		assertThat(next.getPriority()).isEqualTo(Priority.CRITICAL.taskPriority());
		assertThat(next.getName()).contains("CRITICAL");
		assertThat(next.getDueDate()).as("the next step's due date: the clocks under the new priority")
			.isEqualTo((after.dueAt() != null) ? java.util.Date.from(after.dueAt()) : null);
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(after.processInstanceId())
			.variableNameLike("%riority%")
			.count()).as("the form's priority fields are never stored").isZero();

		// the request's step: the incident it opens inherits the new priority
		String qualify = taskOf(this.boris);
		ResponseEntity<JsonNode> opened = call("boris", "POST", "/task/" + qualify + "/submit-form",
				Map.of("variables", Map.of("requestDecision", value("OPEN_INCIDENT"), "serviceCode", value(1001),
						"newPriority", value("HIGH"), "priorityReason", value("A business line"))));
		assertThat(opened.getStatusCode().value()).as(String.valueOf(opened.getBody())).isEqualTo(204);
		assertThat(this.requests.find(this.boris.id()).orElseThrow().priority()).isEqualTo(Priority.HIGH);
		assertThat(this.incidents.findByServiceRequest(this.boris.id()).orElseThrow().priority())
			.isEqualTo(Priority.HIGH);
		assertThat(this.history.activitiesOf(EntityType.SERVICE_REQUEST, this.boris.id()))
			.extracting(ActivityEntry::kind, ActivityEntry::actorId)
			.contains(tuple("PRIORITY_CHANGED", "boris"));
	}

	@Test
	void aManagerAssignsOnlyAnEngineerOfTheGroup() {
		String task = taskOf(this.queuedIncident);
		assertThat(call("olga", "POST", "/task/" + task + "/claim", Map.of("userId", "olga")).getStatusCode().value())
			.isEqualTo(204);
		Snapshot before = snapshot();

		for (String engineer : List.of("nobody", "sergey", "anna")) {
			ResponseEntity<JsonNode> refused = call("olga", "POST", "/task/" + task + "/submit-form",
					Map.of("variables", Map.of("decision", value("ASSIGN"), "engineer", value(engineer))));
			assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
			assertThat(refused.getBody().path("message").asText()).contains(engineer);
		}
		assertThat(snapshot()).isEqualTo(before);
		assertThat(this.incidents.find(this.queuedIncident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.NEW);

		ResponseEntity<JsonNode> assigned = call("olga", "POST", "/task/" + task + "/submit-form",
				Map.of("variables", Map.of("decision", value("ASSIGN"), "engineer", value("petr"))));
		assertThat(assigned.getStatusCode().value()).as(String.valueOf(assigned.getBody())).isEqualTo(204);
		assertThat(this.incidents.find(this.queuedIncident.id()).orElseThrow().assignee()).isEqualTo("petr");
	}

	@Test
	void nobodyCompletesOrGivesBackATaskThatIsNotTheirs() {
		Snapshot before = snapshot();

		expectRefused(call("boris", "POST", "/task/" + taskOf(this.annas) + "/complete",
				Map.of("variables", Map.of("requestDecision", value("CLOSE")))));
		expectRefused(call("maria", "POST", "/task/" + taskOf(this.annas) + "/complete",
				Map.of("variables", Map.of("requestDecision", value("CLOSE")))));
		expectRefused(call("petr", "POST", "/task/" + taskOf(this.ivans) + "/unclaim", Map.of()));
		expectRefused(call("olga", "POST", "/task/" + taskOf(this.sergeys) + "/claim", Map.of("userId", "olga")));
		expectRefused(call("olga", "POST", "/task/" + taskOf(this.ivans) + "/claim", Map.of("userId", "petr")));

		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aClaimedTaskLeavesTheQueueForEveryoneButItsAssignee() {
		String task = taskOf(this.queued);
		assertThat(visibleTasks("anna")).contains(task);

		ResponseEntity<JsonNode> claimed = call("boris", "POST", "/task/" + task + "/claim", Map.of("userId", "boris"));
		assertThat(claimed.getStatusCode().value()).as(String.valueOf(claimed.getBody())).isEqualTo(204);

		assertThat(visibleTasks("anna")).doesNotContain(task);
		assertThat(call("anna", "GET", "/task/" + task, null).getStatusCode().value()).isEqualTo(404);
		Snapshot before = snapshot();
		expectRefused(call("anna", "POST", "/task/" + task + "/complete",
				Map.of("variables", Map.of("clientPhone", value("+79007778899"), "orderCode", value("ORD-3001")))));
		assertThat(snapshot()).isEqualTo(before);
		assertThat(visibleTasks("boris")).contains(task);

		ResponseEntity<JsonNode> givenBack = call("boris", "POST", "/task/" + task + "/unclaim", Map.of());
		assertThat(givenBack.getStatusCode().value()).isEqualTo(204);
		assertThat(visibleTasks("anna")).contains(task);
	}

	@Test
	void whoCompletesIdentifyTheCallerTakesTheRequest() {
		String task = taskOf(this.queued);
		call("boris", "POST", "/task/" + task + "/claim", Map.of("userId", "boris"));

		ResponseEntity<JsonNode> identified = call("boris", "POST", "/task/" + task + "/submit-form",
				Map.of("variables", Map.of("clientPhone", value("+79007778899"), "orderCode", value("ORD-3001"))));

		assertThat(identified.getStatusCode().value()).as(String.valueOf(identified.getBody())).isEqualTo(204);
		assertThat(this.requests.find(this.queued.id()).orElseThrow().assignee()).isEqualTo("boris");
		Task qualify = this.tasks.createTaskQuery().processInstanceId(this.queued.processInstanceId()).singleResult();
		assertThat(qualify.getAssignee()).isEqualTo("boris");
		assertThat(visibleTasks("anna")).doesNotContain(qualify.getId());
	}

	@Test
	void anOrderOfAnotherClientIsARefusalInOneSentenceAtTheStartForm() {
		// Popov calls about ORD-1001, which is Smirnov's (LegacyDB)
		ResponseEntity<JsonNode> refused = call("anna", "POST",
				"/process-definition/key/ServiceRequestProcess/submit-form",
				Map.of("variables", Map.of("clientPhone", value("+79007778899"), "orderCode", value("ORD-1001"))));

		assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(409);
		assertOneSentence(refused.getBody().path("message").asText(), "ORD-1001");
	}

	@Test
	void anOrderOfAnotherClientIsARefusalInOneSentenceWhenTheCallerIsIdentified() {
		String task = taskOf(this.queued);
		call("boris", "POST", "/task/" + task + "/claim", Map.of("userId", "boris"));

		ResponseEntity<JsonNode> refused = call("boris", "POST", "/task/" + task + "/submit-form",
				Map.of("variables", Map.of("clientPhone", value("+79007778899"), "orderCode", value("ORD-1001"))));

		assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(409);
		assertOneSentence(refused.getBody().path("message").asText(), "ORD-1001");
		assertThat(this.tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
	}

	@Test
	void aRefusedFormFieldIsOneReadableSentence() {
		String task = taskOf(this.queuedIncident);
		call("olga", "POST", "/task/" + task + "/claim", Map.of("userId", "olga"));

		ResponseEntity<JsonNode> refused = call("olga", "POST", "/task/" + task + "/submit-form",
				Map.of("variables", Map.of("decision", value("ASSIGN"), "engineer", value("sergey"))));

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertOneSentence(refused.getBody().path("message").asText(), "sergey");
	}

	/** What Tasklist shows a person: one sentence, no class names, maps or traces. */
	static void assertOneSentence(String message, String naming) {
		assertThat(message).contains(naming)
			.doesNotContain("Exception", "ru.telecom", "org.camunda", "{", "}", "\n", "\tat ")
			.matches("[A-Z\u0410-\u042f][^\n]*[.]")
			.doesNotContainPattern("[.!?] \\p{Lu}");
	}

	@Test
	void theEnginesOtherWritesAreForAdministrators() {
		Snapshot before = snapshot();
		String annasTask = taskOf(this.annas);
		String sergeysProcess = this.sergeys.processInstanceId();
		String ivansProcess = this.ivans.processInstanceId();
		List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
		long requestsBefore = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey("ServiceRequestProcess")
			.count();

		answers.add(call("anna", "POST", "/task/" + annasTask + "/assignee", Map.of("userId", "nobody")));
		answers.add(call("anna", "POST", "/task/" + annasTask + "/delegate", Map.of("userId", "boris")));
		answers.add(call("anna", "PUT", "/task/" + annasTask + "/localVariables/requestDecision", value("CLOSE")));
		answers.add(call("anna", "POST", "/task/" + annasTask + "/variables",
				Map.of("modifications", Map.of("assignee", value("nobody")))));
		answers.add(call("anna", "POST", "/task/" + annasTask + "/identity-links",
				Map.of("groupId", "wg-200", "type", "candidate")));
		answers.add(call("anna", "PUT", "/task/" + annasTask,
				Map.of("name", "Qualify the request", "priority", 100, "assignee", "nobody")));
		answers.add(call("anna", "DELETE", "/task/" + annasTask, null));
		answers.add(call("olga", "PUT", "/process-instance/" + sergeysProcess + "/variables/narrative",
				value("overwritten")));
		answers.add(call("olga", "PUT", "/process-instance/" + ivansProcess + "/suspended", Map.of("suspended", true)));
		answers.add(call("olga", "POST", "/process-instance/" + sergeysProcess + "/modification", Map.of("instructions",
				List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_SetClosed")))));
		answers.add(call("olga", "DELETE", "/process-instance/" + sergeysProcess, null));
		answers.add(call("maria", "POST", "/message",
				Map.of("messageName", "Msg_UnlinkIncident", "processInstanceId", ivansProcess, "resultEnabled", true)));
		answers.add(call("ivan", "POST", "/signal", Map.of("name", "anything")));
		answers.add(call("ivan", "POST", "/process-definition/key/IncidentProcess/start", Map.of()));
		answers.add(call("anna", "POST", "/process-definition/key/ServiceRequestProcess/start",
				Map.of("businessKey", String.valueOf(this.boris.id()), "variables",
						Map.of("clientPhone", value("+79007778899"), "orderCode", value("ORD-3001")))));
		answers.add(call("anna", "POST", "/process-definition/key/ServiceRequestProcess/start",
				Map.of("variables", Map.of("clientPhone", value("+79007778899"), "orderCode", value("ORD-3001")),
						"startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
								"Task_OpenRequest", "variables", Map.of("channel", value("TELEGRAM")))))));
		answers.add(call("anna", "POST", "/process-definition/key/ServiceRequestProcess/start",
				Map.of("variables", Map.of("clientPhone", value("+79007778899"), "orderCode", value("ORD-3001")),
						"skipCustomListeners", Map.of("yes", true))));
		answers.add(call("anna", "POST", "/process-definition/key/ServiceRequestProcess/submit-form",
				Map.of("variables", Map.of("clientPhone", value("+79007778899"), "orderCode", value("ORD-3001"),
						"assignee", value("boris")))));
		answers.add(call("anna", "POST", "/user/create",
				Map.of("profile", Map.of("id", "mallory"), "credentials", Map.of("password", "mallory"))));
		answers.add(call("anna", "PUT", "/user/boris/credentials",
				Map.of("password", "x", "authenticatedUserPassword", "anna")));

		assertThat(answers)
			.allSatisfy((answer) -> assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody()))
				.isIn(400, 403, 404));
		assertThat(snapshot()).isEqualTo(before);
		assertThat(
				this.runtime.createProcessInstanceQuery().processInstanceId(ivansProcess).singleResult().isSuspended())
			.isFalse();
		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionKey("ServiceRequestProcess").count())
			.as("no request started past its start form")
			.isEqualTo(requestsBefore);
	}

	@Test
	void managersSeeExactlyTheProcessesOfTheirDepartmentAndGroups() {
		List<String> olgas = processes("olga", "IncidentProcess");
		assertThat(olgas).contains(this.ivans.processInstanceId()).doesNotContain(this.sergeys.processInstanceId());
		assertThat(processes("elena", "IncidentProcess")).contains(this.sergeys.processInstanceId())
			.doesNotContain(this.ivans.processInstanceId());
		assertThat(processes("maria", "ServiceRequestProcess")).contains(this.annas.processInstanceId(),
				this.boris.processInstanceId());
		assertThat(processes("ivan", "IncidentProcess")).isEmpty();

		assertThat(call("olga", "GET", "/process-instance/" + this.sergeys.processInstanceId() + "/variables", null)
			.getStatusCode()
			.value()).isIn(403, 404);
		JsonNode history = call("olga", "GET",
				"/history/variable-instance?processInstanceId=" + this.sergeys.processInstanceId(), null)
			.getBody();
		assertThat(history).isEmpty();
	}

	@Test
	void aManagerRetriesTheFailedJobsOfTheirGroupsInstancesAndNoOneElses() {
		// no mail server in the tests: the incidents' mails fail until their retries run
		// out
		Job olgas = failedMailJob(this.ivans);
		Job elenas = failedMailJob(this.sergeys);

		ResponseEntity<JsonNode> anotherGroups = call("olga", "PUT", "/job/" + elenas.getId() + "/retries",
				Map.of("retries", 3));
		ResponseEntity<JsonNode> byAnEngineer = call("ivan", "PUT", "/job/" + olgas.getId() + "/retries",
				Map.of("retries", 3));
		ResponseEntity<JsonNode> byAnAgent = call("anna", "PUT", "/job/" + olgas.getId() + "/retries",
				Map.of("retries", 3));

		expectRefused(anotherGroups);
		expectRefused(byAnEngineer);
		expectRefused(byAnAgent);
		assertThat(this.management.createJobQuery().jobId(elenas.getId()).singleResult().getRetries())
			.as("another group's failed job stays failed")
			.isZero();
		assertThat(this.management.createJobQuery().jobId(olgas.getId()).singleResult().getRetries()).isZero();
		assertThat(
				call("olga", "PUT", "/job/" + olgas.getId() + "/retries", Map.of("retries", 1)).getStatusCode().value())
			.as("her own group's")
			.isEqualTo(204);
		assertThat(call("elena", "PUT", "/job/" + elenas.getId() + "/retries", Map.of("retries", 1)).getStatusCode()
			.value()).as("his own group's").isEqualTo(204);
	}

	/**
	 * A mail job of the incident that failed and whose retries have run out: a Cockpit
	 * incident. The job fails at once (no mail server in the tests); its retries, minutes
	 * apart, are cut short.
	 */
	private Job failedMailJob(IncidentView incident) {
		Job failed = Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.runtime.createProcessInstanceQuery()
				.processDefinitionKey(IncidentMailProcess.KEY)
				.processInstanceBusinessKey(String.valueOf(incident.id()))
				.list()
				.stream()
				.flatMap((mail) -> this.management.createJobQuery()
					.processInstanceId(mail.getId())
					.withException()
					.list()
					.stream())
				.findFirst()
				.orElse(null), (job) -> job != null);
		this.management.setJobRetries(failed.getId(), 0);
		return failed;
	}

	private List<String> visibleTasks(String user) {
		List<String> ids = new ArrayList<>();
		call(user, "GET", "/task?maxResults=1000", null).getBody().forEach((task) -> ids.add(task.get("id").asText()));
		return ids;
	}

	private List<String> processes(String user, String key) {
		List<String> ids = new ArrayList<>();
		call(user, "GET", "/process-instance?processDefinitionKey=" + key, null).getBody()
			.forEach((process) -> ids.add(process.get("id").asText()));
		return ids;
	}

	/** What must not change: every item's state and its process's variables. */
	private Snapshot snapshot() {
		Map<String, String> state = new TreeMap<>();
		for (ServiceRequestView request : List.of(this.annas, this.boris, this.queued)) {
			ServiceRequestView now = this.requests.find(request.id()).orElseThrow();
			state.put("request " + request.id(),
					now.status() + " " + now.closeReason() + " " + now.assignee() + " " + now.priority());
			state.put("request " + request.id() + " variables", variables(now.processInstanceId()));
			state.put("request " + request.id() + " task", taskState(now.processInstanceId()));
		}
		for (IncidentView incident : List.of(this.ivans, this.sergeys, this.queuedIncident)) {
			IncidentView now = this.incidents.find(incident.id()).orElseThrow();
			state.put("incident " + incident.id(),
					now.status() + " " + now.assignee() + " " + now.isLinked() + " " + now.priority());
			state.put("incident " + incident.id() + " variables", variables(now.processInstanceId()));
			state.put("incident " + incident.id() + " task", taskState(now.processInstanceId()));
		}
		return new Snapshot(state);
	}

	private String variables(String processInstanceId) {
		Map<String, String> variables = new TreeMap<>();
		this.runtime.getVariables(processInstanceId)
			.forEach((name, value) -> variables.put(name,
					(value instanceof byte[] bytes) ? Arrays.toString(bytes) : String.valueOf(value)));
		return variables.toString();
	}

	private String taskState(String processInstanceId) {
		Task task = this.tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		return (task == null) ? "no task" : task.getTaskDefinitionKey() + " " + task.getAssignee() + " "
				+ task.getPriority() + " " + new TreeMap<>(this.tasks.getVariablesLocal(task.getId()));
	}

	@Test
	void camundasOwnCommentsAndAttachmentsAreRefusedEvenOnTheOwnTask() {
		String ivansTask = taskOf(this.ivans);
		HttpHeaders multipart = as("ivan");
		multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("attachment-name", "log.txt");
		parts.add("content", new ByteArrayResource(new byte[1536 * 1024]) {
			@Override
			public String getFilename() {
				return "log.txt";
			}
		});

		ResponseEntity<JsonNode> comment = call("ivan", "POST", "/task/" + ivansTask + "/comment/create",
				Map.of("message", "Checked the line"));
		ResponseEntity<JsonNode> attachment = this.rest.exchange(engine() + "/task/" + ivansTask + "/attachment/create",
				HttpMethod.POST, new HttpEntity<>(parts, multipart), JsonNode.class);

		for (ResponseEntity<JsonNode> answer : List.of(comment, attachment)) {
			assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(403);
			assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
			assertThat(answer.getBody().path("type").asText()).isEqualTo("urn:problem-type:crm:forbidden");
			assertThat(answer.getBody().path("detail").asText()).contains("console");
		}
		assertThat(this.tasks.getTaskComments(ivansTask)).isEmpty();
		assertThat(this.tasks.getTaskAttachments(ivansTask)).isEmpty();
	}

	private String taskOf(ServiceRequestView request) {
		return this.tasks.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult().getId();
	}

	private String taskOf(IncidentView incident) {
		return this.tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).singleResult().getId();
	}

	private static void expectRefused(ResponseEntity<JsonNode> answer) {
		assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isIn(400, 403, 404);
	}

	ResponseEntity<JsonNode> call(String user, String method, String path, Object body) {
		HttpHeaders headers = as(user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(engine() + path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers),
				JsonNode.class);
	}

	private static Map<String, Object> value(Object value) {
		return Map.of("value", value);
	}

	static OpenRequest request(String description) {
		return new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), description, null);
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

	/** Everything that must stay as it was. */
	record Snapshot(Map<String, String> state) {
	}

}
