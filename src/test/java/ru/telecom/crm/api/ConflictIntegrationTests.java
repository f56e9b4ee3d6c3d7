package ru.telecom.crm.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;

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
import ru.telecom.crm.shared.JobCollisionRetry;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two people on one item at the same moment (DESIGN §3): ten conflicting changes sent at
 * once, in several shapes, by one person or by two (the engineer and the work group's
 * manager, two engineers of one queue), through the API and the engine's REST API that
 * Tasklist calls; and a suspended process. None is a server error, the losers hear
 * "conflict" (or, once the item is someone else's, "not found"), and the item's status is
 * its last status record.
 */
@PostgresIntegrationTest
class ConflictIntegrationTests {

	private static final int PEOPLE = 10;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RequestActions requestActions;

	@Autowired
	IncidentController incidentController;

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

	@Autowired
	RuntimeService runtime;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * A change that collided only with a background job on its process is run again
	 * (JobCollisionRetry): its advice wraps the API's write handlers before the
	 * transaction's, so that each try has a transaction of its own.
	 */
	@Test
	void aChangeThatCollidedWithAJobIsRunAgainInATransactionOfItsOwn() {
		Advisor[] advisors = ((Advised) this.incidentController).getAdvisors();

		assertThat(advisors[0].getAdvice()).isInstanceOf(JobCollisionRetry.class);
		assertThat(java.util.Arrays.copyOfRange(advisors, 1, advisors.length))
			.anySatisfy((advisor) -> assertThat(advisor.getAdvice()).isInstanceOf(TransactionInterceptor.class));
	}

	@Test
	void tenStartsOfOneIncidentAreOneStartAndNineConflicts() {
		IncidentView incident = assignedToIvan();

		List<Integer> answers = atOnce((i) -> () -> api("ivan", "POST", "/api/incidents/" + incident.id() + "/status",
				Map.of("status", "INWORK")));

		assertThat(answers).doesNotContainAnyElementsOf(serverErrors()).containsOnly(200, 409);
		assertThat(answers).filteredOn((status) -> status == 200).hasSize(1);
		assertStatusIsTheLastRecord(incident.id());
	}

	@Test
	void holdsAndClosesAtOnceLeaveTheIncidentAsItsHistorySays() {
		IncidentView incident = assignedToIvan();
		as("ivan",
				() -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));

		List<Integer> answers = atOnce((i) -> () -> api("ivan", "POST", "/api/incidents/" + incident.id() + "/status",
				(i % 2 == 0) ? Map.of("status", "ON_HOLD", "holdReason", "waiting for the client")
						: Map.of("status", "CLOSED", "narrative", "fixed")));

		assertThat(answers).doesNotContainAnyElementsOf(serverErrors()).containsOnly(200, 409);
		assertThat(answers).contains(200);
		assertStatusIsTheLastRecord(incident.id());
	}

	@Test
	void tenIncidentsForOneRequestAreOneIncident() {
		ServiceRequestView request = as("anna", () -> this.requestActions.open(request()));

		List<Integer> answers = atOnce((i) -> () -> api("anna", "POST",
				"/api/service-requests/" + request.id() + "/incident", Map.of("serviceCode", 1001)));

		assertThat(answers).doesNotContainAnyElementsOf(serverErrors()).containsOnly(201, 409);
		assertThat(answers).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(this.incidents.findByServiceRequest(request.id())).isPresent();
		List<StatusEntry> records = this.history.ofServiceRequest(request.id());
		assertThat(this.requests.find(request.id()).orElseThrow().status().name())
			.isEqualTo(records.get(records.size() - 1).newStatus());
	}

	@Test
	void openingAnIncidentAndClosingTheRequestAtOnceDoOneOfTheTwo() {
		ServiceRequestView request = as("anna", () -> this.requestActions.open(request()));

		List<Integer> answers = atOnce((i) -> () -> (i % 2 == 0)
				? api("anna", "POST", "/api/service-requests/" + request.id() + "/incident",
						Map.of("serviceCode", 1001))
				: api("anna", "POST", "/api/service-requests/" + request.id() + "/close",
						Map.of("reason", "solved on the phone")));

		assertThat(answers).doesNotContainAnyElementsOf(serverErrors()).isSubsetOf(200, 201, 409);
		assertThat(answers).filteredOn((status) -> status == 200 || status == 201).hasSize(1);
		List<StatusEntry> records = this.history.ofServiceRequest(request.id());
		ServiceRequestView after = this.requests.find(request.id()).orElseThrow();
		assertThat(after.status().name()).isEqualTo(records.get(records.size() - 1).newStatus());
		assertThat(this.incidents.findByServiceRequest(request.id()).isPresent()).isEqualTo(answers.contains(201));
	}

	@Test
	void tenCompletionsOfOneTaskThroughTheEngineRestApiAreOneAndNineConflicts() {
		IncidentView incident = assignedToIvan();
		String task = this.tasks.createTaskQuery()
			.processInstanceId(incident.processInstanceId())
			.singleResult()
			.getId();

		List<Integer> answers = atOnce((i) -> () -> api("ivan", "POST", "/engine-rest/task/" + task + "/complete",
				Map.of("variables", Map.of("decision", Map.of("value", "START")))));

		assertThat(answers).doesNotContainAnyElementsOf(serverErrors()).containsOnly(204, 404, 409);
		assertThat(answers).filteredOn((status) -> status == 204).hasSize(1);
		assertThat(this.incidents.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.INWORK);
		assertStatusIsTheLastRecord(incident.id());
	}

	@Test
	void theEngineerAndTheManagerHoldingAndClosingAtOnceLeaveTheIncidentAsItsHistorySays() {
		IncidentView incident = assignedToIvan();
		as("ivan",
				() -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));

		List<Integer> answers = atOnce((i) -> () -> (i % 2 == 0)
				? api("ivan", "POST", "/api/incidents/" + incident.id() + "/status",
						Map.of("status", "ON_HOLD", "holdReason", "waiting for the client"))
				: api("olga", "POST", "/api/incidents/" + incident.id() + "/status",
						Map.of("status", "CLOSED", "narrative", "closed by the manager")));

		assertThat(answers).doesNotContainAnyElementsOf(serverErrors()).containsOnly(200, 409);
		assertThat(answers).contains(200);
		assertStatusIsTheLastRecord(incident.id());
	}

	/**
	 * The same race at the engine's own door: the engineer's hold and close, from two
	 * tabs, completing one task with different decisions. One goes through; the other
	 * waits for the incident's lock and finds the incident moved on (a conflict), or the
	 * task gone (not found).
	 */
	@Test
	void holdingAndClosingOneTaskAtOnceThroughTheEngineRestApiLeaveTheIncidentAsItsHistorySays() {
		IncidentView incident = assignedToIvan();
		as("ivan",
				() -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));
		String task = this.tasks.createTaskQuery()
			.processInstanceId(incident.processInstanceId())
			.singleResult()
			.getId();

		List<Integer> answers = atOnce((i) -> () -> api("ivan", "POST", "/engine-rest/task/" + task + "/complete",
				Map.of("variables",
						(i % 2 == 0)
								? Map.of("decision", Map.of("value", "HOLD"), "holdReason",
										Map.of("value", "waiting for the client"))
								: Map.of("decision", Map.of("value", "CLOSE"), "narrative",
										Map.of("value", "closed from the other tab")))));

		assertThat(answers).doesNotContainAnyElementsOf(serverErrors()).containsOnly(204, 404, 409);
		assertThat(answers).filteredOn((status) -> status == 204).hasSize(1);
		assertThat(this.incidents.find(incident.id()).orElseThrow().status()).isIn(IncidentStatus.ON_HOLD,
				IncidentStatus.CLOSED);
		assertStatusIsTheLastRecord(incident.id());
	}

	@Test
	void theManagerReassigningWhileTheEngineerStartsLeaveOneEngineerOnTheIncident() {
		IncidentView incident = assignedToIvan();

		List<Integer> answers = atOnce((i) -> () -> (i % 2 == 0)
				? api("ivan", "POST", "/api/incidents/" + incident.id() + "/status", Map.of("status", "INWORK"))
				: api("olga", "POST", "/api/incidents/" + incident.id() + "/status",
						Map.of("status", "ASSIGNED", "assignee", "petr")));

		// once the incident is petr's, ivan may no longer know it: 404
		assertThat(answers).doesNotContainAnyElementsOf(serverErrors()).isSubsetOf(200, 404, 409);
		assertThat(answers).contains(200);
		assertStatusIsTheLastRecord(incident.id());
		IncidentView after = this.incidents.find(incident.id()).orElseThrow();
		assertThat(
				this.tasks.createTaskQuery().processInstanceId(after.processInstanceId()).singleResult().getAssignee())
			.as("the engine's task and our row name the same engineer")
			.isEqualTo(after.assignee());
	}

	@Test
	void twoEngineersTakingOneQueueIncidentAtOnceGiveItToOne() {
		IncidentView incident = queued();

		List<Integer> answers = atOnce((i) -> () -> api(engineer(i), "POST",
				"/api/incidents/" + incident.id() + "/status", Map.of("status", "INWORK")));

		assertThat(answers).doesNotContainAnyElementsOf(serverErrors()).isSubsetOf(200, 404, 409);
		assertThat(answers).filteredOn((status) -> status == 200).hasSize(1);
		String winner = this.incidents.find(incident.id()).orElseThrow().assignee();
		assertThat(winner).isIn("ivan", "petr");
		assertThat(this.incidents.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.INWORK);
		assertStatusIsTheLastRecord(incident.id());
	}

	@Test
	void twoEngineersClaimingOneQueueTaskAtOnceThroughTheEngineRestApiLeaveItToOne() {
		IncidentView incident = queued();
		String task = taskOf(incident);

		List<Integer> answers = atOnce((i) -> () -> api(engineer(i), "POST", "/engine-rest/task/" + task + "/claim",
				Map.of("userId", engineer(i))));

		String winner = this.tasks.createTaskQuery().taskId(task).singleResult().getAssignee();
		assertThat(winner).isIn("ivan", "petr");
		// the losers hear "conflict", whether they came before or after the winner's
		// commit
		assertThat(answers).doesNotContainAnyElementsOf(serverErrors()).isSubsetOf(204, 409).contains(409);
		List<Integer> winners = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			if (engineer(i).equals(winner)) {
				winners.add(answers.get(i));
			}
			else {
				assertThat(answers.get(i)).as("claim %d by %s, who lost", i, engineer(i)).isEqualTo(409);
			}
		}
		assertThat(winners).contains(204);
		// the winner completes it as Tasklist does; the incident is theirs
		assertThat(api(winner, "POST", "/engine-rest/task/" + task + "/complete",
				Map.of("variables", Map.of("decision", Map.of("value", "ASSIGN_AND_START")))))
			.isEqualTo(204);
		assertThat(this.incidents.find(incident.id()).orElseThrow().assignee()).isEqualTo(winner);
		assertStatusIsTheLastRecord(incident.id());
	}

	@Test
	void aSuspendedProcessAnswersConflictAtTheApiAndTheEngineRestApiAndChangesNothing() {
		IncidentView incident = assignedToIvan();
		String task = taskOf(incident);
		this.runtime.suspendProcessInstanceById(incident.processInstanceId());
		int byApi;
		int byEngine;
		try {
			byApi = api("ivan", "POST", "/api/incidents/" + incident.id() + "/status", Map.of("status", "INWORK"));
			byEngine = api("ivan", "POST", "/engine-rest/task/" + task + "/complete",
					Map.of("variables", Map.of("decision", Map.of("value", "START"))));
		}
		finally {
			this.runtime.activateProcessInstanceById(incident.processInstanceId());
		}

		assertThat(byApi).isEqualTo(409);
		assertThat(byEngine).isEqualTo(409);
		assertThat(this.incidents.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.ASSIGNED);
		assertThat(api("ivan", "POST", "/api/incidents/" + incident.id() + "/status", Map.of("status", "INWORK")))
			.as("once it runs again")
			.isEqualTo(200);
		assertStatusIsTheLastRecord(incident.id());
	}

	@Test
	void aChangeThatFindsTheTaskChangedByAnotherTransactionIsAConflict() throws Exception {
		IncidentView incident = queued();
		String task = taskOf(incident);
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			// ivan claims the task in Tasklist; his transaction is still open
			Future<?> ivans = pool
				.submit(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
					this.tasks.claim(task, "ivan");
					claimed.countDown();
					try {
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}));
			assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
			// petr takes it through the API meanwhile: he read it unclaimed, his write
			// waits for ivan's commit and then finds the row changed (optimistic locking)
			Future<Integer> petrs = pool.submit(() -> api("petr", "POST", "/api/incidents/" + incident.id() + "/status",
					Map.of("status", "INWORK")));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.jdbc.queryForObject(
						"select count(*) from pg_stat_activity"
								+ " where wait_event_type = 'Lock' and datname = current_database()",
						Integer.class) > 0);
			release.countDown();
			ivans.get(30, TimeUnit.SECONDS);

			assertThat(petrs.get(30, TimeUnit.SECONDS)).isEqualTo(409);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		assertThat(this.tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("ivan");
		assertThat(this.incidents.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.NEW);
		assertStatusIsTheLastRecord(incident.id());
	}

	/** Half the calls by ivan, half by petr: both engineers of work group 100. */
	private static String engineer(int i) {
		return (i % 2 == 0) ? "ivan" : "petr";
	}

	/** A NEW incident in work group 100's queue. */
	private IncidentView queued() {
		ServiceRequestView request = as("anna", () -> this.requestActions.open(request()));
		return as("anna", () -> this.requestActions.openIncident(request.id(), 1001));
	}

	private String taskOf(IncidentView incident) {
		return this.tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).singleResult().getId();
	}

	private IncidentView assignedToIvan() {
		ServiceRequestView request = as("anna", () -> this.requestActions.open(request()));
		IncidentView incident = as("anna", () -> this.requestActions.openIncident(request.id(), 1001));
		as("olga", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		return incident;
	}

	private void assertStatusIsTheLastRecord(long incidentId) {
		List<StatusEntry> records = this.history.ofIncident(incidentId);
		assertThat(this.incidents.find(incidentId).orElseThrow().status().name())
			.isEqualTo(records.get(records.size() - 1).newStatus());
		for (int i = 1; i < records.size(); i++) {
			assertThat(records.get(i).oldStatus()).as("each record starts where the one before ended")
				.isEqualTo(records.get(i - 1).newStatus());
		}
	}

	/** The calls, all released at the same instant; their HTTP statuses. */
	private static List<Integer> atOnce(IntFunction<Callable<Integer>> call) {
		ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < PEOPLE; i++) {
				Callable<Integer> one = call.apply(i);
				answers.add(pool.submit(() -> {
					start.await();
					return one.call();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			return statuses;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int api(String user, String method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<JsonNode> answer = this.rest.exchange(path, HttpMethod.valueOf(method),
				new HttpEntity<>(body, headers), JsonNode.class);
		return answer.getStatusCode().value();
	}

	private static List<Integer> serverErrors() {
		return List.of(500, 501, 502, 503, 504);
	}

	private static OpenRequest request() {
		return new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Internet drops", null);
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

}
