package ru.telecom.crm.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasklist and Cockpit visibility with the embedded default's identity store. */
@PostgresIntegrationTest
class TaskVisibilityIntegrationTests extends TaskVisibilityScenario {

	@Autowired
	AuthorizationSeeder seeder;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	TasklistFilters tasklistFilters;

	@Autowired
	org.camunda.bpm.engine.FilterService filterService;

	@Test
	void tasklistHasMyTasksAndOneQueuePerGroupEachReadableByItsGroupOnly() {
		this.tasklistFilters.keepInStep();

		assertThat(this.filterService.createFilterQuery().filterName(TasklistFilters.MY_TASKS).count()).isOne();
		assertThat(filterNamesFor("ivan", "wg-100"))
			.contains(TasklistFilters.MY_TASKS, "Queue: Network operations (100)")
			.doesNotContain("Helpdesk queue", "Queue: Billing (200)");
		assertThat(filterNamesFor("anna", "helpdesk")).contains(TasklistFilters.MY_TASKS, "Helpdesk queue")
			.doesNotContain("Queue: Network operations (100)", TasklistFilters.TEAM);
		assertThat(filterNamesFor("olga", "wg-100")).contains(TasklistFilters.TEAM, "Queue: Network operations (100)");
		assertThat(filterNamesFor("maria", "helpdesk")).contains(TasklistFilters.TEAM, "Helpdesk queue");
	}

	@Test
	void theTaskListShowsClientOrderAndIncidentBesideEachTask() {
		this.tasklistFilters.keepInStep();

		var queue = this.filterService.createFilterQuery().filterName("Queue: Network operations (100)").singleResult();
		java.util.List<?> columns = (java.util.List<?>) queue.getProperties().get("variables");
		assertThat(columns.stream().map((column) -> String.valueOf(((java.util.Map<?, ?>) column).get("name"))))
			.contains("clientSummary", "orderSummary", "incidentSummary");
		// a claimed task leaves the queue (DESIGN §3)
		assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) queue.getQuery()).isIncludeAssignedTasks()).isFalse();
	}

	private java.util.List<String> filterNamesFor(String user, String group) {
		this.identity.setAuthentication(user, java.util.List.of(group));
		try {
			return this.filterService.createFilterQuery().list().stream().map((filter) -> filter.getName()).toList();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	@Test
	void someoneWhoNoLongerManagesLosesCockpit() {
		var cockpit = this.authorizationService
			.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
		cockpit.setUserId("ivan");
		cockpit.setResource(Resources.APPLICATION);
		cockpit.setResourceId("cockpit");
		cockpit.addPermission(org.camunda.bpm.engine.authorization.Permissions.ACCESS);
		this.authorizationService.saveAuthorization(cockpit);

		this.seeder.seed();

		assertThat(this.authorizationService.createAuthorizationQuery()
			.userIdIn("ivan")
			.resourceType(Resources.APPLICATION)
			.resourceId("cockpit")
			.count()).isZero();
		assertThat(this.authorizationService.createAuthorizationQuery()
			.userIdIn("olga")
			.resourceType(Resources.APPLICATION)
			.resourceId("cockpit")
			.count()).isOne();
	}

	@Test
	void seedingTheGrantsAgainDuplicatesNothing() {
		long before = this.authorizationService.createAuthorizationQuery().count();

		this.seeder.seed();
		this.seeder.seed();
		this.tasklistFilters.keepInStep();

		assertThat(this.authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
		assertThat(this.authorizationService.createAuthorizationQuery()
			.groupIdIn("wg-100")
			.resourceType(Resources.APPLICATION)
			.count()).isOne();
	}

}
