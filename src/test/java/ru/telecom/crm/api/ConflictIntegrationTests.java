package ru.telecom.crm.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people on one item at the same moment (DESIGN §3): ten conflicting changes sent at
 * once, in several shapes and through the API and the engine's REST API. None is a server
 * error, the losers hear "conflict", and the item's status is its last status record.
 */
@PostgresIntegrationTest
class ConflictIntegrationTests {

	private static final int PEOPLE = 10;

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
