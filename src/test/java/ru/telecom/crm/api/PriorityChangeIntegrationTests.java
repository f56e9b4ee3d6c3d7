package ru.telecom.crm.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's or incident's priority changed through the API (DESIGN §12, issue 15 item
 * 1): by whoever may change the item (DESIGN §3), with a reason kept in the activity; a
 * request's change reaches its open incident; the Tasklist tasks take the priority and
 * the name that carries it; a closed item, the same priority again or two changes at once
 * are conflicts, never server errors; the engine's door to a task's priority stays the
 * administrators'.
 */
@PostgresIntegrationTest
class PriorityChangeIntegrationTests {

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
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	/** Anna's request (NORMAL), with an incident of work group 100 assigned to Ivan. */
	private ServiceRequestView annas;

	private IncidentView annasIncident;

	@BeforeEach
	void openItems() {
		this.annas = as("anna", () -> this.requestActions.open(request("Slow internet", null)));
		this.annasIncident = as("anna", () -> this.requestActions.openIncident(this.annas.id(), 1001));
		as("olga", () -> this.incidentActions.changeStatus(this.annasIncident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
	}

	@Test
	void aRequestsNewPriorityReachesItsIncidentTheirActivityAndTheirTasks() {
		ResponseEntity<JsonNode> changed = call("anna", "/api/service-requests/" + this.annas.id() + "/priority",
				"{\"priority\":\"HIGH\",\"reason\":\"  The whole street is offline  \"}");

		assertThat(changed.getStatusCode().value()).isEqualTo(200);
		assertThat(changed.getBody().get("priority").asText()).isEqualTo("HIGH");
		assertThat(changed.getBody()).as("the request as GET shows it")
			.isEqualTo(get("anna", "/api/service-requests/" + this.annas.id()));
		assertThat(get("ivan", "/api/incidents/" + this.annasIncident.id()).get("priority").asText()).isEqualTo("HIGH");
		assertThat(priorityChanges("SERVICE_REQUEST", this.annas.id()))
			.containsExactly("anna NORMAL → HIGH: The whole street is offline");
		assertThat(priorityChanges("INCIDENT", this.annasIncident.id()))
			.containsExactly("anna NORMAL → HIGH: The whole street is offline");
		Task work = taskOf(this.annasIncident.processInstanceId());
		assertThat(work.getPriority()).isEqualTo(Priority.HIGH.taskPriority());
		assertThat(work.getName())
			.isEqualTo("Incident " + this.annasIncident.id() + " · HIGH · Popov D. S. · Start work");
	}

	@Test
	void aNewRequestsTaskTakesItsPriorityAndTheNextTaskKeepsIt() {
		ServiceRequestView request = as("anna", () -> this.requestActions.open(request("No TV", Priority.LOW)));

		call("anna", "/api/service-requests/" + request.id() + "/priority",
				"{\"priority\":\"CRITICAL\",\"reason\":\"A hospital\"}");

		Task qualify = taskOf(request.processInstanceId());
		assertThat(qualify.getPriority()).isEqualTo(Priority.CRITICAL.taskPriority());
		assertThat(qualify.getName())
			.isEqualTo("Request " + request.id() + " · CRITICAL · Popov D. S. · Qualify the request");
		IncidentView incident = as("anna", () -> this.requestActions.openIncident(request.id(), 1001));
		assertThat(incident.priority()).as("an incident opened later takes the request's new priority")
			.isEqualTo(Priority.CRITICAL);
		assertThat(taskOf(incident.processInstanceId()).getName())
			.isEqualTo("Incident " + incident.id() + " · CRITICAL · Popov D. S. · Assign an engineer");
	}

	@Test
	void anIncidentsOwnChangeStaysWithTheIncident() {
		ResponseEntity<JsonNode> changed = call("ivan", "/api/incidents/" + this.annasIncident.id() + "/priority",
				"{\"priority\":\"CRITICAL\",\"reason\":\"Outage of the whole node\"}");

		assertThat(changed.getStatusCode().value()).isEqualTo(200);
		assertThat(changed.getBody()).isEqualTo(get("ivan", "/api/incidents/" + this.annasIncident.id()));
		assertThat(changed.getBody().get("priority").asText()).isEqualTo("CRITICAL");
		assertThat(this.requests.find(this.annas.id()).orElseThrow().priority()).isEqualTo(Priority.NORMAL);
		assertThat(priorityChanges("INCIDENT", this.annasIncident.id()))
			.containsExactly("ivan NORMAL → CRITICAL: Outage of the whole node");
		assertThat(priorityChanges("SERVICE_REQUEST", this.annas.id())).isEmpty();
		assertThat(taskOf(this.annasIncident.processInstanceId()).getPriority()).isEqualTo(100);

		call("anna", "/api/service-requests/" + this.annas.id() + "/priority",
				"{\"priority\":\"CRITICAL\",\"reason\":\"The client confirms the outage\"}");
		assertThat(priorityChanges("INCIDENT", this.annasIncident.id()))
			.as("an incident that already has the request's new priority has nothing to follow")
			.hasSize(1);
	}

	/**
	 * Whoever may change the item changes its priority; a read-only viewer is refused
	 * (403), whoever may not see it hears "not found" (an agent on another agent's
	 * request, an engineer of another group).
	 */
	@Test
	void whoMayChangeAPriorityIsWhoMayChangeTheItem() {
		List<String> wrong = new ArrayList<>();

		expect(wrong, "/api/service-requests/" + this.annas.id() + "/priority", this::nextForRequest,
				"anna 200 boris 404 maria 200 ivan 403 petr 404 olga 403 sergey 404 elena 404 admin 200 esb 404");
		expect(wrong, "/api/incidents/" + this.annasIncident.id() + "/priority", this::nextForIncident,
				"anna 403 boris 404 maria 403 ivan 200 petr 404 olga 200 sergey 404 elena 404 admin 200 esb 404");

		assertThat(wrong).isEmpty();
	}

	@Test
	void unknownItemsAndBadInputAreProblemsAndChangeNothing() {
		String request = "/api/service-requests/" + this.annas.id() + "/priority";
		assertThat(call("admin", "/api/service-requests/999999999/priority", "{\"priority\":\"HIGH\",\"reason\":\"x\"}")
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(call("admin", "/api/incidents/999999999/priority", "{\"priority\":\"HIGH\",\"reason\":\"x\"}")
			.getStatusCode()
			.value()).isEqualTo(404);

		Map<String, String> refusedOn = Map.of("{\"priority\":\"HIGH\"}", "reason",
				"{\"priority\":\"HIGH\",\"reason\":\"  \"}", "reason",
				"{\"priority\":\"HIGH\",\"reason\":\"" + "x".repeat(1001) + "\"}", "reason",
				"{\"priority\":\"URGENT\",\"reason\":\"x\"}", "priority", "{\"reason\":\"x\"}", "priority");
		refusedOn.forEach((body, field) -> {
			ResponseEntity<JsonNode> refused = call("anna", request, body);
			assertThat(refused.getStatusCode().value()).as(body).isEqualTo(400);
			assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:validation");
			assertThat(refused.getBody().path("errors").has(field)).as(body + " names " + field).isTrue();
		});
		assertThat(call("anna", request, "{\"priority\":\"URGENT\",\"reason\":\"x\"}").getBody()
			.at("/errors/priority")
			.asText()).isEqualTo("must be one of LOW, NORMAL, HIGH, CRITICAL");

		ResponseEntity<JsonNode> same = call("anna", request, "{\"priority\":\"NORMAL\",\"reason\":\"again\"}");
		assertThat(same.getStatusCode().value()).as("the priority it already has").isEqualTo(409);
		assertThat(same.getBody().get("type").asText()).isEqualTo("urn:problem-type:crm:conflict");
		assertThat(same.getBody().get("detail").asText())
			.isEqualTo("Service request " + this.annas.id() + " is already NORMAL");
		assertThat(priorityChanges("SERVICE_REQUEST", this.annas.id())).isEmpty();
		assertThat(this.requests.find(this.annas.id()).orElseThrow().priority()).isEqualTo(Priority.NORMAL);
	}

	@Test
	void aClosedItemKeepsThePriorityItClosedWith() {
		ServiceRequestView closed = as("anna", () -> this.requestActions.open(request("Wrong number", null)));
		as("anna", () -> this.requestActions.closeWithoutIncident(closed.id(), "Wrong number"));
		as("ivan", () -> this.incidentActions.changeStatus(this.annasIncident.id(), IncidentStatus.INWORK,
				TransitionDetails.NONE));
		as("ivan", () -> this.incidentActions.changeStatus(this.annasIncident.id(), IncidentStatus.CLOSED,
				new TransitionDetails(null, "Port reset", null)));

		ResponseEntity<JsonNode> request = call("anna", "/api/service-requests/" + closed.id() + "/priority",
				"{\"priority\":\"HIGH\",\"reason\":\"too late\"}");
		ResponseEntity<JsonNode> incident = call("ivan", "/api/incidents/" + this.annasIncident.id() + "/priority",
				"{\"priority\":\"HIGH\",\"reason\":\"too late\"}");

		assertThat(request.getStatusCode().value()).isEqualTo(409);
		assertThat(request.getBody().get("detail").asText()).contains("CLOSED");
		assertThat(incident.getStatusCode().value()).isEqualTo(409);
		assertThat(incident.getBody().get("detail").asText()).contains("CLOSED");
		assertThat(this.incidents.find(this.annasIncident.id()).orElseThrow().priority()).isEqualTo(Priority.NORMAL);
		assertThat(priorityChanges("INCIDENT", this.annasIncident.id())).isEmpty();
	}

	@Test
	void changesAtOnceAreOneAtATimeAndNeverAServerError() {
		Priority[] asked = { Priority.HIGH, Priority.LOW, Priority.CRITICAL };
		String path = "/api/service-requests/" + this.annas.id() + "/priority";

		List<Integer> answers = atOnce(10,
				(i) -> () -> call("anna", path,
						"{\"priority\":\"" + asked[i % asked.length] + "\",\"reason\":\"call " + i + "\"}")
					.getStatusCode()
					.value());

		assertThat(answers).containsOnly(200, 409).contains(200);
		List<String> rows = priorityChanges("SERVICE_REQUEST", this.annas.id());
		assertThat(rows).as("one row per change made").hasSize((int) answers.stream().filter((s) -> s == 200).count());
		Priority now = this.requests.find(this.annas.id()).orElseThrow().priority();
		assertThat(rows.get(rows.size() - 1)).as("the last row says where it ended").contains("→ " + now + ":");
		assertThat(this.incidents.find(this.annasIncident.id()).orElseThrow().priority()).isEqualTo(now);
		assertThat(taskOf(this.annasIncident.processInstanceId()).getPriority()).isEqualTo(now.taskPriority());
	}

	@Test
	void aPriorityChangeAndAStatusChangeAtOnceLeaveTheTaskAsItsItem() {
		List<Integer> answers = atOnce(10,
				(i) -> () -> ((i % 2) == 0)
						? call("anna", "/api/service-requests/" + this.annas.id() + "/priority",
								"{\"priority\":\"" + ((i % 4 == 0) ? "HIGH" : "LOW") + "\",\"reason\":\"call " + i
										+ "\"}")
							.getStatusCode()
							.value()
						: call("ivan", "/api/incidents/" + this.annasIncident.id() + "/status",
								"{\"status\":\"INWORK\"}")
							.getStatusCode()
							.value());

		assertThat(answers).containsOnly(200, 409).contains(200);
		IncidentView incident = this.incidents.find(this.annasIncident.id()).orElseThrow();
		Task task = taskOf(incident.processInstanceId());
		assertThat(task.getPriority()).as("the task at whichever step").isEqualTo(incident.priority().taskPriority());
		assertThat(task.getName()).contains(" · " + incident.priority() + " · ");
		assertThat(incident.priority()).isEqualTo(this.requests.find(this.annas.id()).orElseThrow().priority());
	}

	/**
	 * Setting a task's priority through the engine's REST API stays the administrators'
	 * (DESIGN §3), also for the engineer who may change the incident's through the API,
	 * so the task's priority is always its item's.
	 */
	@Test
	void theEnginesDoorToATasksPriorityStaysClosed() {
		call("ivan", "/api/incidents/" + this.annasIncident.id() + "/priority",
				"{\"priority\":\"HIGH\",\"reason\":\"Several clients\"}");
		Task task = taskOf(this.annasIncident.processInstanceId());
		HttpHeaders headers = as("ivan");
		headers.setContentType(MediaType.APPLICATION_JSON);

		ResponseEntity<JsonNode> put = this.rest.exchange("/engine-rest/task/" + task.getId(), HttpMethod.PUT,
				new HttpEntity<>(Map.of("name", task.getName(), "priority", 10), headers), JsonNode.class);

		assertThat(put.getStatusCode().value()).isEqualTo(403);
		assertThat(taskOf(this.annasIncident.processInstanceId()).getPriority()).isEqualTo(75);
	}

	/**
	 * What one change costs in our database, whole: the caller, the access check, the
	 * request and its incident, two activity rows, both processes' tasks.
	 */
	@Test
	void aRequestsChangeWithItsIncidentCostsAFewStatements() {
		HttpHeaders headers = as("anna");
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(StatementCounter.HEADER, "priority-" + this.annas.id());

		assertThat(this.rest
			.exchange("/api/service-requests/" + this.annas.id() + "/priority", HttpMethod.POST,
					new HttpEntity<>("{\"priority\":\"HIGH\",\"reason\":\"Outage\"}", headers), JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(200);

		// 19 on PostgreSQL: the caller; the request, its activity row, its process's
		// tasks (none while its incident runs); the incident, its activity row, its task
		// read and named again (the client's name from the task's variables), the task's
		// history and the engine's operation log; the two updates; and the incident's
		// status history, read for its new due instants (its clock process is moved
		// after commit, on a thread of its own, not in this request)
		List<String> statements = StatementCounter.of("priority-" + this.annas.id());
		assertThat(statements).as("%s", statements).hasSizeLessThanOrEqualTo(19);
	}

	private String nextForRequest() {
		return next(this.requests.find(this.annas.id()).orElseThrow().priority());
	}

	private String nextForIncident() {
		return next(this.incidents.find(this.annasIncident.id()).orElseThrow().priority());
	}

	/**
	 * A change to another priority than the item has, so that each allowed call changes
	 * it.
	 */
	private static String next(Priority current) {
		Priority other = (current == Priority.HIGH) ? Priority.LOW : Priority.HIGH;
		return "{\"priority\":\"" + other + "\",\"reason\":\"Access check\"}";
	}

	private void expect(List<String> wrong, String path, Supplier<String> body, String table) {
		String[] cells = table.split(" ");
		for (int i = 0; i < cells.length; i += 2) {
			ResponseEntity<JsonNode> answer = call(cells[i], path, body.get());
			int status = answer.getStatusCode().value();
			if (status != Integer.parseInt(cells[i + 1])) {
				wrong.add(cells[i] + " POST " + path + ": " + status + ", expected " + cells[i + 1]);
			}
			else if (status >= 400 && !answer.getHeaders().getContentType().toString().contains("problem+json")) {
				wrong.add(cells[i] + " POST " + path + ": not a problem document");
			}
		}
	}

	/** Each change of the item's priority: who, and what the row says. */
	private List<String> priorityChanges(String type, long id) {
		return this.jdbc
			.queryForList("select actor_id || ' ' || details from activity where entity_type = ? and entity_id = ?"
					+ " and kind = 'PRIORITY_CHANGED' order by id", String.class, type, id);
	}

	private Task taskOf(String processInstanceId) {
		return this.tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
	}

	/** The calls, all released at the same instant; their answers. */
	private static <T> List<T> atOnce(int people, java.util.function.IntFunction<Callable<T>> call) {
		ExecutorService pool = Executors.newFixedThreadPool(people);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> answers = new ArrayList<>();
			for (int i = 0; i < people; i++) {
				Callable<T> one = call.apply(i);
				answers.add(pool.submit(() -> {
					start.await();
					return one.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> answer : answers) {
				results.add(answer.get());
			}
			return results;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private JsonNode get(String user, String path) {
		ResponseEntity<JsonNode> answer = this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(as(user)),
				JsonNode.class);
		assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
		return answer.getBody();
	}

	private ResponseEntity<JsonNode> call(String user, String path, String body) {
		HttpHeaders headers = as(user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
	}

	private static HttpHeaders as(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		return headers;
	}

	private static OpenRequest request(String description, Priority priority) {
		return new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), description, priority);
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

}
