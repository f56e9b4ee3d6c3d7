package ru.telecom.crm.servicerequest.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.StepSettings;
import ru.telecom.crm.status.StatusRecorder;

import ru.telecom.crm.support.ProcessTestRetries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.*;

/**
 * Every path of {@code ServiceRequestProcess}, on the engine alone with delegates mocked.
 */
@Deployment(resources = "processes/ServiceRequestProcess.bpmn")
class ServiceRequestProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("camunda-unit.cfg.xml")
		.build();

	/** What the mocked delegates were asked to do, in order. */
	private final List<String> calls = new ArrayList<>();

	private boolean lookupFinds;

	private RuntimeException lookupFails;

	@BeforeEach
	void mockDelegates() {
		ProcessTestRetries.register();
		Mocks.register("openServiceRequestDelegate", (JavaDelegate) (execution) -> {
			boolean agent = "PHONE".equals(execution.getVariable(CHANNEL));
			execution.setProcessBusinessKey("42");
			execution.setVariable(ASSIGNEE, agent ? "anna" : null);
			execution.setVariable(CALLER_IDENTIFIED, agent);
			execution.setVariable(SERVICE_REQUEST_ID, 42L);
			this.calls.add("open");
		});
		Mocks.register("identifyCallerDelegate", (JavaDelegate) (execution) -> {
			if (this.lookupFails != null) {
				throw this.lookupFails;
			}
			boolean strict = StepSettings.of(execution, STRICT).map(Boolean::parseBoolean).orElse(false);
			execution.setVariable(CALLER_IDENTIFIED, strict || this.lookupFinds);
			this.calls.add(strict ? "bind" : "look up");
		});
		Mocks.register("openIncidentDelegate", (JavaDelegate) (execution) -> {
			this.calls.add("open incident " + execution.getVariable(SERVICE_CODE));
		});
		Mocks.register("closeServiceRequestDelegate", (JavaDelegate) (execution) -> this.calls
			.add("close " + StepSettings.required(execution, CLOSE_REASON)));
		Mocks.register("requestDecisionGuard", new RequestDecisionGuard(new StatusRecorder() {
			@Override
			public void requestTransition(long id, String oldStatus, String newStatus, String userId, String actorId) {
				throw new AssertionError("not the guard's");
			}

			@Override
			public void incidentTransition(long id, String oldStatus, String newStatus, String userId, String actorId) {
				throw new AssertionError("not the guard's");
			}

			@Override
			public void activity(EntityType entityType, long entityId, String kind, String actorId, String details) {
				ServiceRequestProcessTests.this.calls
					.add(kind + " of " + entityType + " " + entityId + " by " + actorId + ": " + details);
			}
		}, null, new CurrentActor(engine.getIdentityService())));
		Mocks.register("requestQueueListener", new RequestQueueListener());
		// the catalog's services for the form; Spin is not part of the engine-only tests
		Mocks.register("serviceChoicesListener", (TaskListener) (task) -> {
		});
		// grants managers read on tasks; the engine-only tests have no authorizations
		Mocks.register("taskVisibilityListener", (TaskListener) (task) -> {
		});
		Mocks.register("requestAssignmentListener",
				(TaskListener) (task) -> this.calls.add("assigned to " + task.getAssignee()));
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@Test
	void anAgentsRequestWaitsWithTheAgentToBeQualified() {
		ProcessInstance process = startByAgent();

		assertThat(process).isWaitingAt(TASK_QUALIFY_REQUEST).hasBusinessKey("42");
		assertThat(task(process)).isAssignedTo("anna");
		assertThat(this.calls).containsExactly("open", "assigned to anna");
	}

	@Test
	void closingWithoutAnIncidentEndsTheRequest() {
		ProcessInstance process = startByAgent();

		complete(task(process), withVariables(DECISION, Decision.CLOSE.name()));

		assertThat(process).hasPassed("Task_CloseNoIncident").isEnded().hasPassed(END_NO_INCIDENT);
		assertThat(this.calls).endsWith("close NO_INCIDENT");
	}

	@Test
	void theReasonTheFormGivesToCloseIsKeptAsTheRequestsActivityNotAsAVariable() {
		ProcessInstance process = startByAgent();

		complete(task(process), withVariables(DECISION, Decision.CLOSE.name(), CLOSING_REASON,
				Variables.stringValue("  The client's own router is off  ", true)));

		assertThat(process).isEnded();
		assertThat(this.calls).containsSubsequence(
				"CLOSE_REASON of SERVICE_REQUEST 42 by system: The client's own" + " router is off",
				"close NO_INCIDENT");
		assertThat(historyService().createHistoricVariableInstanceQuery().variableName(CLOSING_REASON).count())
			.isZero();
	}

	@Test
	void aReasonIsKeptOnlyToCloseAndAnAdministratorsStoredOneIsRemoved() {
		ProcessInstance closing = startByAgent();
		complete(task(closing), withVariables(DECISION, Decision.CLOSE.name(), CLOSING_REASON, "Duplicate request"));
		ProcessInstance opening = startByAgent();
		complete(task(opening),
				withVariables(DECISION, Decision.OPEN_INCIDENT.name(), SERVICE_CODE, 1001, CLOSING_REASON, "stray"));

		assertThat(this.calls.stream().filter((call) -> call.startsWith("CLOSE_REASON")))
			.containsExactly("CLOSE_REASON of SERVICE_REQUEST 42 by system: Duplicate request");
		assertThat(runtimeService().getVariable(opening.getId(), CLOSING_REASON)).isNull();
		assertThat(runtimeService().getVariable(opening.getId(), SERVICE_CODE)).isEqualTo(1001);
	}

	@Test
	void openingAnIncidentWaitsForIt() {
		ProcessInstance process = startByAgent();

		complete(task(process), withVariables(DECISION, Decision.OPEN_INCIDENT.name(), SERVICE_CODE, 1001));

		assertThat(process).hasPassed("Task_OpenIncident").isWaitingAt(EVENT_WAIT_FOR_INCIDENT);
		assertThat(this.calls).endsWith("open incident 1001");
	}

	@Test
	void theIncidentClosingClosesTheRequest() {
		ProcessInstance process = startByAgent();
		complete(task(process), withVariables(DECISION, Decision.OPEN_INCIDENT.name(), SERVICE_CODE, 1001));

		runtimeService().createMessageCorrelation(IncidentProcess.MESSAGE_CLOSED)
			.processInstanceBusinessKey("42")
			.correlate();

		assertThat(process).hasPassed("Event_IncidentClosed", "Task_CloseIncidentClosed")
			.isEnded()
			.hasPassed(END_INCIDENT_CLOSED);
		assertThat(this.calls).endsWith("close INCIDENT_CLOSED");
	}

	@Test
	void unlinkingTheIncidentClosesTheRequest() {
		ProcessInstance process = startByAgent();
		complete(task(process), withVariables(DECISION, Decision.OPEN_INCIDENT.name(), SERVICE_CODE, 2001));

		runtimeService().createMessageCorrelation(IncidentProcess.MESSAGE_UNLINKED)
			.processInstanceBusinessKey("42")
			.correlate();

		assertThat(process).hasPassed("Event_IncidentUnlinked", "Task_CloseIncidentUnlinked")
			.hasNotPassed("Task_CloseIncidentClosed")
			.isEnded()
			.hasPassed(END_INCIDENT_UNLINKED);
		assertThat(this.calls).endsWith("close INCIDENT_UNLINKED");
	}

	@Test
	void aChannelMessageIsStoredFirstAndLookedUpByAJob() {
		this.lookupFinds = true;
		ProcessInstance process = startByChannel();

		assertThat(process).isWaitingAt(TASK_LOOK_UP_CALLER);
		assertThat(this.calls).containsExactly("open");
		assertThat(job(process).getPriority()).as("ahead of a backlog of mails")
			.isEqualTo(ServiceRequestProcess.LOOK_UP_CALLER_JOB_PRIORITY);

		execute(job(process));

		assertThat(process).isWaitingAt(TASK_QUALIFY_REQUEST).hasNotPassed(TASK_IDENTIFY_CALLER);
		assertThat(task(process)).isNotAssigned().hasCandidateGroup("helpdesk");
	}

	@Test
	void aCallerNobodyCanFindIsIdentifiedByAnAgentFromTheQueue() {
		this.lookupFinds = false;
		ProcessInstance process = startByChannel();
		execute(job(process));

		assertThat(process).isWaitingAt(TASK_IDENTIFY_CALLER);
		assertThat(task(process)).isNotAssigned().hasCandidateGroup("helpdesk");
		taskService().claim(task(process).getId(), "boris");
		complete(task(process), withVariables(CLIENT_PHONE, "+79001112233", ORDER_CODE, "ORD-1001"));

		assertThat(process).hasPassed("Task_BindCaller").isWaitingAt(TASK_QUALIFY_REQUEST);
		assertThat(this.calls).containsExactly("open", "look up", "assigned to boris", "bind");
	}

	@Test
	void aQueuedRequestClaimedByAnAgentIsTheirs() {
		this.lookupFinds = true;
		ProcessInstance process = startByChannel();
		execute(job(process));

		taskService().claim(task(process).getId(), "boris");

		assertThat(task(process)).isAssignedTo("boris");
		assertThat(this.calls).endsWith("assigned to boris");
	}

	@Test
	void aFailingLookupIsRetriedNotLost() {
		this.lookupFails = new IllegalStateException("LegacyDB is down");
		ProcessInstance process = startByChannel();
		Job lookup = job(process);

		assertThatThrownBy(() -> engine.getManagementService().executeJob(lookup.getId()))
			.hasMessageContaining("LegacyDB is down");

		Job retried = job(process);
		// one more try per wait of the retry cycle (shared.JobRetries)
		assertThat(retried.getRetries()).isEqualTo(ProcessTestRetries.RETRIES);
		assertThat(retried.getDuedate()).isNotNull();
		assertThat(process).isWaitingAt(TASK_LOOK_UP_CALLER);

		this.lookupFails = null;
		this.lookupFinds = true;
		execute(job(process));
		assertThat(process).isWaitingAt(TASK_QUALIFY_REQUEST);
	}

	@Test
	void anUnknownDecisionIsRefusedAndTheTaskStays() {
		ProcessInstance process = startByAgent();
		String taskId = task(process).getId();

		assertThatThrownBy(() -> taskService().complete(taskId, Map.of(DECISION, "MAYBE"))).rootCause()
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not MAYBE");
		assertThatThrownBy(() -> taskService().complete(taskId, Map.of(DECISION, "OPEN_INCIDENT"))).rootCause()
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("service");

		assertThat(process).isWaitingAt(TASK_QUALIFY_REQUEST);
		assertThat(this.calls).doesNotContain("close NO_INCIDENT");
	}

	private ProcessInstance startByAgent() {
		return runtimeService().startProcessInstanceByKey(ServiceRequestProcess.KEY,
				Map.of(CHANNEL, "PHONE", CLIENT_PHONE, "+79007778899", ORDER_CODE, "ORD-3001"));
	}

	private ProcessInstance startByChannel() {
		return runtimeService().startProcessInstanceByKey(ServiceRequestProcess.KEY,
				Map.of(CHANNEL, "SMS", RAW_MESSAGE, "no internet since morning"));
	}

}
