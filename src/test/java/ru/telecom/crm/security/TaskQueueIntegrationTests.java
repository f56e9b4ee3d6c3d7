package ru.telecom.crm.security;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.OpenTasks;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.TaskHeadings;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Tasklist queue shows of each task (issue 13, item 2): the name carries the
 * item's number, priority and client, the priority is the item's, and the item's opening
 * time is a column the queues sort by, the same at every step of both lifecycles.
 */
@PostgresIntegrationTest
class TaskQueueIntegrationTests {

	private static final String QUEUE = "Queue: Network operations (100)";

	@Autowired
	RequestActions requests;

	@Autowired
	ServiceRequestApi requestData;

	@Autowired
	IncidentActions incidents;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	RepositoryService repository;

	@Autowired
	FilterService filters;

	@Autowired
	IdentityService identity;

	@Autowired
	TasklistFilters tasklistFilters;

	@Autowired
	OpenTasks openTasks;

	@Autowired
	TaskHeadingsUpgrade upgrade;

	@Autowired
	org.camunda.bpm.engine.ProcessEngine engine;

	@Test
	void aRequestStartedFromTasklistsStartFormTellsItsNumberInTheNextTasksName() {
		String definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("ServiceRequestProcess")
			.latestVersion()
			.singleResult()
			.getId();
		ProcessInstance started = as("anna", List.of("helpdesk"),
				() -> this.forms.submitStartForm(definition, Map.of("clientPhone", "8 900 777 88 99", "orderCode",
						"ORD-3001", "description", "Started in Tasklist", "priority", "HIGH")));
		ServiceRequestView request = this.requestData.findByProcess(started.getId()).orElseThrow();

		Task qualify = taskOf(started.getId());
		assertThat(qualify.getName())
			.isEqualTo("Request " + request.id() + " · HIGH · Popov D. S. · Qualify the request");
		assertThat(qualify.getPriority()).isEqualTo(75);
		assertThat(this.tasks.getVariableLocal(qualify.getId(), TaskHeadings.OPENED_AT))
			.isEqualTo(Date.from(request.createdAt()));
	}

	@Test
	void everyTaskOfAnIncidentCarriesItsNumberPriorityClientAndOpeningTime() {
		ServiceRequestView request = as("anna",
				() -> this.requests.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"),
						"Whole street offline", Priority.CRITICAL)));
		IncidentView incident = as("anna", () -> this.requests.openIncident(request.id(), 1001));

		Task assign = taskOf(incident.processInstanceId());
		String heading = "Incident " + incident.id() + " · CRITICAL · Popov D. S. · ";
		assertThat(assign.getName()).as("the first task, made before the incident's link")
			.isEqualTo(heading + "Assign an engineer");
		assertThat(assign.getPriority()).isEqualTo(100);
		Date openedAt = Date.from(incident.createdAt());
		assertThat(this.tasks.getVariableLocal(assign.getId(), TaskHeadings.OPENED_AT)).isEqualTo(openedAt);

		new AsUser(this.identity).run("olga", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));

		Task startWork = taskOf(incident.processInstanceId());
		assertThat(startWork.getName()).isEqualTo(heading + "Start work");
		assertThat(startWork.getPriority()).isEqualTo(100);
		assertThat((Date) this.tasks.getVariableLocal(startWork.getId(), TaskHeadings.OPENED_AT))
			.as("the item's opening time, not the step's: the age does not restart")
			.isEqualTo(openedAt)
			.isBefore(startWork.getCreateTime());
	}

	@Test
	void aWorkGroupsQueueShowsTheMostUrgentFirstThenTheLongestOpen() {
		this.tasklistFilters.keepInStep();
		IncidentView olderNormal = incident(Priority.NORMAL);
		IncidentView high = incident(Priority.HIGH);
		IncidentView newerNormal = incident(Priority.NORMAL);
		IncidentView low = incident(Priority.LOW);
		String queue = this.filters.createFilterQuery().filterName(QUEUE).singleResult().getId();

		List<String> ours = List.of(olderNormal.processInstanceId(), high.processInstanceId(),
				newerNormal.processInstanceId(), low.processInstanceId());
		List<String> shown = as("ivan", List.of("wg-100"), () -> this.filters.<Task>list(queue)).stream()
			.map(Task::getProcessInstanceId)
			.filter(ours::contains)
			.toList();

		assertThat(shown).containsExactly(high.processInstanceId(), olderNormal.processInstanceId(),
				newerNormal.processInstanceId(), low.processInstanceId());
		Map<?, ?> firstColumn = (Map<?, ?>) ((List<?>) this.filters.getFilter(queue).getProperties().get("variables"))
			.get(0);
		assertThat(firstColumn.get("name")).isEqualTo(TaskHeadings.OPENED_AT);
	}

	@Test
	void aChangedPriorityReachesTheOpenTasksPriorityAndName() {
		IncidentView incident = incident(Priority.NORMAL);

		this.openTasks.priorityChanged(incident.processInstanceId(), TaskHeadings.INCIDENT, incident.id(),
				Priority.CRITICAL);

		Task assign = taskOf(incident.processInstanceId());
		assertThat(assign.getPriority()).isEqualTo(100);
		assertThat(assign.getName())
			.isEqualTo("Incident " + incident.id() + " · CRITICAL · Popov D. S. · Assign an engineer");
	}

	@Test
	void tasksMadeBeforeTheirNamesCarriedTheItemAreBroughtUpToDateOnce() {
		IncidentView incident = incident(Priority.HIGH);
		Task assign = taskOf(incident.processInstanceId());
		// as it was made before: the model's name, the default priority, no opening time
		assign.setName("Assign an engineer");
		assign.setPriority(50);
		this.tasks.saveTask(assign);
		this.tasks.removeVariableLocal(assign.getId(), TaskHeadings.OPENED_AT);
		this.engine.getManagementService().deleteProperty(TaskHeadingsUpgrade.DONE);

		this.upgrade.upgradeOnce();

		Task upgraded = taskOf(incident.processInstanceId());
		assertThat(upgraded.getName())
			.isEqualTo("Incident " + incident.id() + " · HIGH · Popov D. S. · Assign an engineer");
		assertThat(upgraded.getPriority()).isEqualTo(75);
		assertThat(this.tasks.getVariableLocal(upgraded.getId(), TaskHeadings.OPENED_AT))
			.isEqualTo(Date.from(incident.createdAt()));
		assertThat(this.engine.getManagementService().getProperties()).containsKey(TaskHeadingsUpgrade.DONE);
	}

	private IncidentView incident(Priority priority) {
		ServiceRequestView request = as("anna", () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "No signal", priority)));
		return as("anna", () -> this.requests.openIncident(request.id(), 1001));
	}

	private Task taskOf(String processInstanceId) {
		return this.tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
	}

	private <T> T as(String user, java.util.function.Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private <T> T as(String user, List<String> groups, java.util.function.Supplier<T> work) {
		return new AsUser(this.identity).get(user, groups, work);
	}

}
