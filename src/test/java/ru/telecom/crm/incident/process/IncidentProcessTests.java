package ru.telecom.crm.incident.process;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.incident.IncidentProcess.Decision;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.domain.IncidentTransitions;
import ru.telecom.crm.shared.ConflictException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.StepSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.telecom.crm.incident.IncidentProcess.DECISION;
import static ru.telecom.crm.incident.IncidentProcess.ENGINEER;
import static ru.telecom.crm.incident.IncidentProcess.HOLD_REASON;
import static ru.telecom.crm.incident.IncidentProcess.NARRATIVE;
import static ru.telecom.crm.incident.IncidentProcess.TASK_ASSIGN_ENGINEER;
import static ru.telecom.crm.incident.IncidentProcess.TASK_MAIL_ASSIGNED;
import static ru.telecom.crm.incident.IncidentProcess.TASK_MAIL_CLOSED;
import static ru.telecom.crm.incident.IncidentProcess.TASK_MAIL_OPENED;
import static ru.telecom.crm.incident.IncidentProcess.TASK_RESUME_INCIDENT;
import static ru.telecom.crm.incident.IncidentProcess.TASK_START_WORK;
import static ru.telecom.crm.incident.IncidentProcess.TASK_WORK_INCIDENT;

/** Every path of {@code IncidentProcess}, on the engine alone with delegates mocked. */
@Deployment(resources = "processes/IncidentProcess.bpmn")
class IncidentProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("camunda-unit.cfg.xml")
		.build();

	/** The statuses the model set, in order. */
	private final List<String> statuses = new ArrayList<>();

	/** The mails the model sent, in order. */
	private final List<String> mails = new ArrayList<>();

	private final List<String> other = new ArrayList<>();

	@BeforeEach
	void mockDelegates() {
		Mocks.register("changeIncidentStatusDelegate", (JavaDelegate) (execution) -> {
			String target = StepSettings.required(execution, IncidentProcess.TARGET_STATUS);
			this.statuses.add(target);
			if ("NEW".equals(target)) {
				execution.setVariable(ENGINEER, null);
			}
		});
		Mocks.register("queueIncidentMailDelegate", (JavaDelegate) (execution) -> this.mails
			.add(StepSettings.required(execution, IncidentProcess.MAIL_KIND)));
		Mocks.register("notifyRequestDelegate", (JavaDelegate) (execution) -> this.other.add("request told"));
		Mocks.register("unlinkIncidentDelegate", (JavaDelegate) (execution) -> this.other.add("unlinked"));
		// the incident as the model's status steps left it, locked by every completion;
		// no priority fields in these completions
		IncidentTransitions incident = Mockito.mock(IncidentTransitions.class);
		Mockito.when(incident.lockForChange(Mockito.anyLong()))
			.thenAnswer((call) -> this.statuses.isEmpty() ? IncidentStatus.NEW
					: IncidentStatus.valueOf(this.statuses.get(this.statuses.size() - 1)));
		Mocks.register("incidentDecisionGuard", new IncidentDecisionGuard(incident, null));
		// grants managers read on tasks; the engine-only tests have no authorizations
		Mocks.register("taskVisibilityListener", (TaskListener) (task) -> {
		});
		Mocks.register("incidentAssignmentListener",
				(TaskListener) (task) -> this.other.add("assignment " + task.getAssignee()));
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@Test
	void aNewIncidentWaitsInItsGroupsQueueAndTheManagerIsMailed() {
		ProcessInstance process = open();

		assertThat(process).hasPassed(TASK_MAIL_OPENED).isWaitingAt(TASK_ASSIGN_ENGINEER);
		assertThat(task(TASK_ASSIGN_ENGINEER, process)).isNotAssigned().hasCandidateGroup("wg-100");
		assertThat(this.mails).containsExactly("INCIDENT_OPENED");
	}

	@Test
	void assignedThenStartedThenClosedIsTheMainPath() {
		ProcessInstance process = open();

		complete(task(TASK_ASSIGN_ENGINEER, process), withVariables(DECISION, "ASSIGN", ENGINEER, "ivan"));
		assertThat(process).hasPassed(TASK_MAIL_ASSIGNED).isWaitingAt(TASK_START_WORK);
		assertThat(task(TASK_START_WORK, process)).isAssignedTo("ivan");

		complete(task(TASK_START_WORK, process), withVariables(DECISION, "START"));
		assertThat(task(TASK_WORK_INCIDENT, process)).isAssignedTo("ivan");
		complete(task(TASK_WORK_INCIDENT, process), withVariables(DECISION, "CLOSE", NARRATIVE, "Replaced the ONT"));

		assertThat(process).hasPassed("Task_SetClosed", "Task_NotifyRequest", TASK_MAIL_CLOSED)
			.isEnded()
			.hasPassed("Event_IncidentDone");
		assertThat(this.statuses).containsExactly("ASSIGNED", "INWORK", "CLOSED");
		assertThat(this.mails).containsExactly("INCIDENT_OPENED", "INCIDENT_ASSIGNED", "INCIDENT_CLOSED");
		assertThat(this.other).contains("request told");
	}

	@Test
	void anEngineerMayClaimAndStartAtOnce() {
		ProcessInstance process = open();

		complete(task(TASK_ASSIGN_ENGINEER, process),
				withVariables(DECISION, Decision.ASSIGN_AND_START.name(), ENGINEER, "petr"));

		assertThat(process).hasNotPassed(TASK_START_WORK).isWaitingAt(TASK_WORK_INCIDENT);
		assertThat(task(TASK_WORK_INCIDENT, process)).isAssignedTo("petr");
		assertThat(this.statuses).containsExactly("ASSIGNED", "INWORK");
	}

	@Test
	void givingItBackReturnsItToTheQueue() {
		ProcessInstance process = open();
		complete(task(TASK_ASSIGN_ENGINEER, process), withVariables(DECISION, "ASSIGN", ENGINEER, "ivan"));

		complete(task(TASK_START_WORK, process), withVariables(DECISION, "RETURN"));

		assertThat(process).hasPassed("Task_ReturnToQueue").isWaitingAt(TASK_ASSIGN_ENGINEER);
		assertThat(task(TASK_ASSIGN_ENGINEER, process)).isNotAssigned().hasCandidateGroup("wg-100");
		assertThat(this.statuses).containsExactly("ASSIGNED", "NEW");
	}

	@Test
	void onHoldAndBackToWork() {
		ProcessInstance process = inWork();

		complete(task(TASK_WORK_INCIDENT, process), withVariables(DECISION, "HOLD", HOLD_REASON, "customer away"));
		assertThat(process).isWaitingAt(TASK_RESUME_INCIDENT);
		complete(task(TASK_RESUME_INCIDENT, process), withVariables(DECISION, "RESUME"));

		assertThat(process).hasPassed("Task_SetOnHold", "Task_SetInWorkAgain").isWaitingAt(TASK_WORK_INCIDENT);
		assertThat(this.statuses).containsExactly("ASSIGNED", "INWORK", "ON_HOLD", "INWORK");
	}

	@Test
	void anIncidentOnHoldMayBeClosed() {
		ProcessInstance process = inWork();
		complete(task(TASK_WORK_INCIDENT, process), withVariables(DECISION, "HOLD", HOLD_REASON, "customer away"));

		complete(task(TASK_RESUME_INCIDENT, process), withVariables(DECISION, "CLOSE", NARRATIVE, "Customer gone"));

		assertThat(process).hasPassed("Task_SetClosed", TASK_MAIL_CLOSED).isEnded();
		assertThat(this.statuses).containsExactly("ASSIGNED", "INWORK", "ON_HOLD", "CLOSED");
	}

	@Test
	void unlinkingRunsBesideTheIncidentWhichGoesOn() {
		ProcessInstance process = inWork();

		runtimeService().correlateMessage(IncidentProcess.MESSAGE_UNLINK, "7");

		assertThat(process).hasPassed("Task_UnlinkFromRequest").isWaitingAt(TASK_WORK_INCIDENT);
		assertThat(this.other).contains("unlinked");
	}

	@Test
	void anEngineerWhoClaimedTheIncidentAndStartsItIsItsEngineer() {
		ProcessInstance process = open();
		taskService().claim(task(TASK_ASSIGN_ENGINEER, process).getId(), "petr");

		complete(task(TASK_ASSIGN_ENGINEER, process), withVariables(DECISION, "ASSIGN_AND_START"));

		assertThat(task(TASK_WORK_INCIDENT, process)).isAssignedTo("petr");
	}

	@Test
	void aManagerHandingTheTaskToAnotherEngineerReassignsIt() {
		ProcessInstance process = inWork();

		taskService().setAssignee(task(TASK_WORK_INCIDENT, process).getId(), "petr");

		assertThat(this.other).endsWith("assignment petr");
	}

	@Test
	void eachTaskRefusesADecisionItDoesNotOffer() {
		ProcessInstance process = open();
		assertRefused(process, TASK_ASSIGN_ENGINEER, "START");
		assertRefused(process, TASK_ASSIGN_ENGINEER, "CLOSE");
		complete(task(TASK_ASSIGN_ENGINEER, process), withVariables(DECISION, "ASSIGN", ENGINEER, "ivan"));
		assertRefused(process, TASK_START_WORK, "CLOSE");
		assertRefused(process, TASK_START_WORK, "HOLD");
		complete(task(TASK_START_WORK, process), withVariables(DECISION, "START"));
		assertRefused(process, TASK_WORK_INCIDENT, "RESUME");
		assertRefused(process, TASK_WORK_INCIDENT, "RETURN");
		complete(task(TASK_WORK_INCIDENT, process), withVariables(DECISION, "HOLD", HOLD_REASON, "waiting"));
		assertRefused(process, TASK_RESUME_INCIDENT, "HOLD");
		assertRefused(process, TASK_RESUME_INCIDENT, "START");

		assertThat(this.statuses).containsExactly("ASSIGNED", "INWORK", "ON_HOLD");
	}

	@Test
	void aCompletionThatAnotherOneOvertookIsAConflictAndChangesNothing() {
		ProcessInstance process = inWork();
		// the manager's closing committed while the engineer's hold waited for the lock
		this.statuses.add("CLOSED");
		String taskId = task(TASK_WORK_INCIDENT, process).getId();

		assertThatThrownBy(() -> taskService().complete(taskId, Map.of(DECISION, "HOLD", HOLD_REASON, "waiting")))
			.rootCause()
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("CLOSED now, no longer INWORK");
		assertThat(process).isWaitingAt(TASK_WORK_INCIDENT);
		assertThat(this.statuses).containsExactly("ASSIGNED", "INWORK", "CLOSED");
	}

	private void assertRefused(ProcessInstance process, String taskKey, String decision) {
		String taskId = task(taskKey, process).getId();
		assertThatThrownBy(() -> taskService().complete(taskId, Map.of(DECISION, decision))).rootCause()
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("offers")
			.hasMessageContaining("not " + decision);
		assertThat(process).isWaitingAt(taskKey);
	}

	private ProcessInstance open() {
		return runtimeService().createMessageCorrelation(IncidentProcess.MESSAGE_OPENED)
			.processInstanceBusinessKey("7")
			.setVariable(IncidentProcess.WORK_GROUP, "wg-100")
			.correlateStartMessage();
	}

	private ProcessInstance inWork() {
		ProcessInstance process = open();
		complete(task(TASK_ASSIGN_ENGINEER, process), withVariables(DECISION, "ASSIGN_AND_START", ENGINEER, "ivan"));
		return process;
	}

}
