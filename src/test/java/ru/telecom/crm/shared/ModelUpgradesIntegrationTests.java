package ru.telecom.crm.shared;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.notification.IncidentMailProcess;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.ChannelMessage;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.status.StatusRecorder.EntityType;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.Mailbox;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Items opened on an earlier version of the models (src/test/resources/earlier-models)
 * work on it, are moved to the current version by the migration at start, and go on to
 * their end there.
 */
@PostgresIntegrationTest
class ModelUpgradesIntegrationTests {

	@Autowired
	ModelUpgrades upgrades;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

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
	IdentityService identity;

	@Autowired
	org.camunda.bpm.engine.TaskService tasks;

	@Autowired
	org.camunda.bpm.engine.FormService forms;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService management;

	@Autowired
	JobRetries jobRetries;

	@Test
	void itemsOpenOnTheModelsWithInputParametersGoOnAfterTheMigration() {
		Deployment earlier = deploy("earlier-models/IncidentProcess-input-parameters.bpmn",
				"earlier-models/ServiceRequestProcess-input-parameters.bpmn");
		// on the earlier models: a request left in the queue, an incident assigned
		ServiceRequestView waiting = as("anna", () -> this.requestActions.open(request()));
		ServiceRequestView request = as("anna", () -> this.requestActions.open(request()));
		IncidentView incident = as("anna", () -> this.requestActions.openIncident(request.id(), 1001));
		run("olga", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		assertThat(definitionOf(incident.processInstanceId()).getDeploymentId()).isEqualTo(earlier.getId());
		assertThat(definitionOf(waiting.processInstanceId()).getDeploymentId()).isEqualTo(earlier.getId());

		Deployment current = deploy("processes/IncidentProcess.bpmn", "processes/ServiceRequestProcess.bpmn");
		List<String> moved = this.upgrades.migrateToLatest();

		assertThat(moved).anySatisfy((line) -> assertThat(line).startsWith("migrated ")
			.contains(
					IncidentProcess.KEY + " from version " + definitionOf(earlier, IncidentProcess.KEY).getVersion()));
		assertThat(moved).anySatisfy((line) -> assertThat(line).startsWith("migrated ")
			.contains(ServiceRequestProcess.KEY + " from version "
					+ definitionOf(earlier, ServiceRequestProcess.KEY).getVersion()));
		assertThat(moved).noneSatisfy((line) -> assertThat(line).startsWith("not migrated"));
		assertThat(definitionOf(incident.processInstanceId()).getDeploymentId()).isEqualTo(current.getId());
		assertThat(definitionOf(request.processInstanceId()).getDeploymentId()).isEqualTo(current.getId());
		assertThat(definitionOf(waiting.processInstanceId()).getDeploymentId()).isEqualTo(current.getId());

		run("ivan",
				() -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));
		run("ivan", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.CLOSED,
				new TransitionDetails(null, "Replaced the ONT", null)));
		assertThat(this.incidents.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.CLOSED);
		assertThat(this.history.ofIncident(incident.id())).extracting(StatusEntry::newStatus)
			.containsExactly("NEW", "ASSIGNED", "INWORK", "CLOSED");
		assertThat(this.requests.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.CLOSED);
		run("anna", () -> this.requestActions.closeWithoutIncident(waiting.id()));
		assertThat(this.requests.find(waiting.id()).orElseThrow().status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(incident.processInstanceId()).count())
			.isZero();
	}

	/**
	 * A changed form reaches the tasks already open: the task reads the form of its
	 * process's deployment, and the migration moves the process to the deployment that
	 * brought the new form. The engineer choices are added to the assignment task of
	 * every version as it is parsed.
	 */
	@Test
	void aTaskOpenOnAnEarlierFormShowsTheNewFormAfterTheMigration() {
		deploy("earlier-models/IncidentProcess-input-parameters.bpmn",
				"earlier-models/ServiceRequestProcess-input-parameters.bpmn",
				"earlier-models/AssignEngineer-earlier.form");
		ServiceRequestView request = as("anna", () -> this.requestActions.open(request()));
		IncidentView incident = as("anna", () -> this.requestActions.openIncident(request.id(), 1001));
		String task = this.tasks.createTaskQuery()
			.processInstanceId(incident.processInstanceId())
			.singleResult()
			.getId();
		assertThat(formOf(task)).contains("Engineer (username)").doesNotContain("engineerChoices");
		assertThat(String.valueOf(this.tasks.getVariable(task, "engineerChoices"))).contains("\"value\":\"petr\"");

		deploy("processes/IncidentProcess.bpmn", "processes/ServiceRequestProcess.bpmn", "forms/AssignEngineer.form");
		this.upgrades.migrateToLatest();

		assertThat(formOf(task)).contains("\"valuesKey\": \"engineerChoices\"").contains("Назначение инженера");
		run("olga", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("petr", null, null)));
		assertThat(this.incidents.find(incident.id()).orElseThrow().assignee()).isEqualTo("petr");
	}

	/**
	 * The reason to close is required where the form shows it, but a task may be open in
	 * Tasklist on the earlier form, which had no such field: one left on its earlier
	 * version, or one the migration moved to the new form after it was made, is completed
	 * without a reason and closes; a task made on the new form needs it.
	 */
	@Test
	void aTaskOpenOnTheFormWithoutAReasonToCloseStillClosesWithoutOne() {
		deploy("earlier-models/IncidentProcess-input-parameters.bpmn",
				"earlier-models/ServiceRequestProcess-input-parameters.bpmn",
				"earlier-models/QualifyRequest-earlier.form");
		ServiceRequestView onEarlier = as("anna", () -> this.requestActions.open(request()));
		ServiceRequestView moved = as("anna", () -> this.requestActions.open(request()));
		assertThat(formOf(taskOf(onEarlier))).doesNotContain("closingReason");
		assertThat(closeInTasklist(onEarlier).getStatusCode().value()).isEqualTo(204);

		deploy("processes/IncidentProcess.bpmn", "processes/ServiceRequestProcess.bpmn", "forms/QualifyRequest.form");
		this.upgrades.migrateToLatest();
		ServiceRequestView onNew = as("anna", () -> this.requestActions.open(request()));
		assertThat(formOf(taskOf(moved))).contains("closingReason");

		assertThat(closeInTasklist(moved).getStatusCode().value()).isEqualTo(204);
		ResponseEntity<JsonNode> refused = closeInTasklist(onNew);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().path("message").asText()).contains("closingReason is required");

		assertThat(List.of(onEarlier, moved)).allSatisfy((request) -> {
			assertThat(this.requests.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.CLOSED);
			assertThat(this.history.activitiesOf(EntityType.SERVICE_REQUEST, request.id()))
				.noneMatch((activity) -> "CLOSE_REASON".equals(activity.kind()));
		});
		assertThat(this.requests.find(onNew.id()).orElseThrow().status()).isEqualTo(RequestStatus.NEW);
	}

	private ResponseEntity<JsonNode> closeInTasklist(ServiceRequestView request) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("anna", "anna");
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange("/engine-rest/task/" + taskOf(request) + "/submit-form", HttpMethod.POST,
				new HttpEntity<>(Map.of("variables", Map.of("requestDecision", Map.of("value", "CLOSE"))), headers),
				JsonNode.class);
	}

	private String taskOf(ServiceRequestView request) {
		return this.tasks.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult().getId();
	}

	private String formOf(String taskId) {
		try (InputStream form = this.forms.getDeployedTaskForm(taskId)) {
			return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A mail failing on the model whose waits grew to an hour (IncidentMailProcess before
	 * issue 16) is moved to the current model and tried again at most two minutes later:
	 * its wait is brought down to the cap at start, and its next failure waits the
	 * current cycle's two minutes. Once the mail server is back it goes out, once.
	 */
	@Test
	void aMailFailingOnTheModelWithHourLongWaitsIsTriedWithinTwoMinutesAfterTheMigration() {
		Deployment earlier = deploy("earlier-models/IncidentMailProcess-long-backoff.bpmn");
		// no mail server listens: the incident's first mail fails on the earlier model
		ServiceRequestView request = as("anna", () -> this.requestActions.open(request()));
		IncidentView incident = as("anna", () -> this.requestActions.openIncident(request.id(), 1002));
		String mailProcess = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(IncidentMailProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(incident.id()))
			.singleResult()
			.getId();
		assertThat(definitionOf(mailProcess).getDeploymentId()).isEqualTo(earlier.getId());
		Job failed = failedJobOf(mailProcess);
		assertThat(failed.getRetries()).as("the earlier model's seven waits").isEqualTo(7);
		// as if it had failed for a while there: its next wait is the earlier model's
		// hour
		this.management.setJobRetries(failed.getId(), 2);
		this.management.setJobDuedate(failed.getId(), Date.from(Instant.now().plus(Duration.ofHours(1))));

		Deployment current = deploy("processes/IncidentMailProcess.bpmn");
		this.upgrades.migrateToLatest();
		assertThat(this.jobRetries.waitNoLongerThanTheCap()).isPositive();

		assertThat(definitionOf(mailProcess).getDeploymentId()).isEqualTo(current.getId());
		assertThat(job(mailProcess).getDuedate()).isBefore(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
		Instant tried = Instant.now();
		this.management.setJobDuedate(failed.getId(), Date.from(tried));
		await().atMost(Duration.ofSeconds(30)).until(() -> job(mailProcess).getRetries() == 1);
		assertThat(job(mailProcess).getDuedate()).as("the current model's wait")
			.isBefore(Date.from(Instant.now().plus(Duration.ofMinutes(2))))
			.isAfter(Date.from(tried.plus(Duration.ofSeconds(100))));

		GreenMail greenMail = new GreenMail(
				new ServerSetup(PostgresDatabases.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		try {
			this.management.setJobDuedate(failed.getId(), new Date());
			assertThat(Mailbox.awaitAbout(greenMail, incident.id(), 2)).hasSize(1);
			assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(mailProcess).count()).isZero();
		}
		finally {
			greenMail.stop();
		}
	}

	/**
	 * A caller's lookup queued on the model from before job priorities (its job has the
	 * engine's default, 0) runs once the item moved to the current model.
	 */
	@Test
	void aLookupQueuedOnTheModelWithoutJobPrioritiesRunsAfterTheMigration() {
		Deployment earlier = deploy("earlier-models/ServiceRequestProcess-before-priorities.bpmn");
		// the job executor has not reached the lookup yet
		this.management
			.suspendJobDefinitionByProcessDefinitionId(definitionOf(earlier, ServiceRequestProcess.KEY).getId(), false);
		ServiceRequestView queued = this.requestActions.receive(new ChannelMessage(Channel.SMS,
				"ORD-3001 no signal since morning", "+79007778899", "ORD-3001", "no signal since morning"));
		Job lookup = job(queued.processInstanceId());
		assertThat(lookup.getPriority()).isZero();
		assertThat(lookup.isSuspended()).isTrue();

		Deployment current = deploy("processes/ServiceRequestProcess.bpmn");
		this.upgrades.migrateToLatest();
		assertThat(definitionOf(queued.processInstanceId()).getDeploymentId()).isEqualTo(current.getId());
		this.management.activateJobById(lookup.getId());

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.requests.find(queued.id()).orElseThrow().clientId() != null);
		assertThat(this.requests.find(queued.id()).orElseThrow().status()).isEqualTo(RequestStatus.NEW);
		assertThat(job(queued.processInstanceId())).isNull();
	}

	private Job failedJobOf(String processInstanceId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Job job = job(processInstanceId);
			return job != null && job.getExceptionMessage() != null;
		});
		return job(processInstanceId);
	}

	private Job job(String processInstanceId) {
		return this.management.createJobQuery().processInstanceId(processInstanceId).singleResult();
	}

	@Test
	void nothingToMoveWhenEveryItemRunsOnTheLatestVersion() {
		this.upgrades.migrateToLatest();

		assertThat(this.upgrades.migrateToLatest()).isEmpty();
	}

	private Deployment deploy(String... resources) {
		DeploymentBuilder deployment = this.repository.createDeployment()
			.name(getClass().getSimpleName())
			.enableDuplicateFiltering(false);
		for (String resource : resources) {
			try (InputStream model = new ClassPathResource(resource).getInputStream()) {
				deployment.addInputStream(resource.substring(resource.lastIndexOf('/') + 1)
					.replace("-input-parameters", "")
					.replace("-long-backoff", "")
					.replace("-before-priorities", "")
					.replace("-earlier", ""), model);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return deployment.deploy();
	}

	private ProcessDefinition definitionOf(String processInstanceId) {
		String id = this.runtime.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult()
			.getProcessDefinitionId();
		return this.repository.getProcessDefinition(id);
	}

	private ProcessDefinition definitionOf(Deployment deployment, String key) {
		return this.repository.createProcessDefinitionQuery()
			.deploymentId(deployment.getId())
			.processDefinitionKey(key)
			.singleResult();
	}

	private static OpenRequest request() {
		return new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Internet drops", null);
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void run(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

}
