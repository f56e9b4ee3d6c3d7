package ru.telecom.crm.security;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;

import ru.telecom.crm.support.AsUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each demo user sees in Tasklist and may open in Cockpit (DESIGN §3), the same with
 * Camunda's identity store and with Keycloak.
 */
abstract class TaskVisibilityScenario {

	@Autowired
	RequestActions requests;

	@Autowired
	IncidentActions incidents;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	Directory directory;

	@Test
	void eachTaskCarriesItsItemsPriorityForTasklistToSortBy() {
		ServiceRequestView critical = as("anna",
				() -> this.requests.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"),
						"Whole building offline", ru.telecom.crm.shared.Priority.CRITICAL)));
		ServiceRequestView normal = as("anna",
				() -> this.requests.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Slow TV", null)));

		assertThat(taskOf(critical.processInstanceId()).getPriority()).isEqualTo(100);
		assertThat(taskOf(normal.processInstanceId()).getPriority()).isEqualTo(50);
		IncidentView incident = as("anna", () -> this.requests.openIncident(critical.id(), 1001));
		assertThat(taskOf(incident.processInstanceId()).getPriority()).as("the incident takes its request's priority")
			.isEqualTo(100);
	}

	private org.camunda.bpm.engine.task.Task taskOf(String processInstanceId) {
		return this.tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
	}

	@Test
	void eachUserSeesTheTasksDesignThreeGivesThem() {
		ServiceRequestView annas = as("anna",
				() -> this.requests.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Slow TV", null)));
		ServiceRequestView borisFirst = as("boris", () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "No signal", null)));
		ServiceRequestView borisSecond = as("boris", () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Wrong bill", null)));
		IncidentView network = as("boris", () -> this.requests.openIncident(borisFirst.id(), 1001));
		IncidentView billing = as("boris", () -> this.requests.openIncident(borisSecond.id(), 2001));

		assertThat(visibleTo("anna")).contains(taskOf(annas)).doesNotContain(taskOf(network), taskOf(billing));
		assertThat(visibleTo("boris")).doesNotContain(taskOf(annas));
		assertThat(visibleTo("maria")).contains(taskOf(annas));
		assertThat(visibleTo("ivan")).contains(taskOf(network)).doesNotContain(taskOf(billing), taskOf(annas));
		assertThat(visibleTo("petr")).contains(taskOf(network)).doesNotContain(taskOf(billing));
		assertThat(visibleTo("sergey")).contains(taskOf(billing)).doesNotContain(taskOf(network));
		assertThat(visibleTo("olga")).contains(taskOf(network)).doesNotContain(taskOf(billing));
		assertThat(visibleTo("elena")).contains(taskOf(billing)).doesNotContain(taskOf(network));

		as("olga", () -> this.incidents.changeStatus(network.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));

		String startWork = taskOf(network);
		assertThat(visibleTo("ivan")).contains(startWork);
		assertThat(visibleTo("petr")).as("another engineer's incident").doesNotContain(startWork);
		assertThat(visibleTo("olga")).as("her engineer's incident").contains(startWork);
		assertThat(visibleTo("elena")).doesNotContain(startWork);
		assertThat(this.tasks.getVariablesLocal(taskOf(annas))).as("Tasklist's columns, readable with the task alone")
			.containsEntry("clientSummary", "Popov Dmitry Sergeevich, +79007778899")
			.containsKey("orderSummary");
		assertThat(this.tasks.getVariablesLocal(startWork)).containsKey("incidentSummary");
		assertThat(this.tasks.<org.camunda.spin.plugin.variable.value.JsonValue>getVariableLocalTyped(taskOf(annas),
				"serviceChoices", false)
			.getValueSerialized()).as("the form's service choice, from the catalog")
			.contains("{\"label\":\"1001 Home internet\",\"value\":1001}", "2001 Billing dispute");
	}

	@Test
	void managersAndAdministratorsOpenCockpitAgentsAndEngineersDoNot() {
		assertThat(mayOpen("maria", "cockpit")).isTrue();
		assertThat(mayOpen("olga", "cockpit")).isTrue();
		assertThat(mayOpen("elena", "cockpit")).isTrue();
		assertThat(mayOpen("admin", "cockpit")).isTrue();
		assertThat(mayOpen("anna", "cockpit")).isFalse();
		assertThat(mayOpen("ivan", "cockpit")).isFalse();
		assertThat(mayOpen("anna", "tasklist")).isTrue();
		assertThat(mayOpen("sergey", "tasklist")).isTrue();
		assertThat(mayOpen("anna", "admin")).isFalse();
		assertThat(mayOpen("admin", "admin")).isTrue();
	}

	private boolean mayOpen(String user, String application) {
		return this.authorizations.isUserAuthorized(user, groupsOf(user), Permissions.ACCESS, Resources.APPLICATION,
				application);
	}

	private List<String> visibleTo(String user) {
		return as(user, () -> this.tasks.createTaskQuery().list().stream().map(Task::getId).toList());
	}

	private String taskOf(ServiceRequestView request) {
		return this.tasks.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult().getId();
	}

	private String taskOf(IncidentView incident) {
		return this.tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).singleResult().getId();
	}

	private List<String> groupsOf(String user) {
		return List.copyOf(this.directory.findUser(user).orElseThrow().groups());
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, groupsOf(user), work);
	}

	private void as(String user, Runnable work) {
		as(user, () -> {
			work.run();
			return null;
		});
	}

}
