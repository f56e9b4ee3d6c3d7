package ru.telecom.crm.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.CatalogImported;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.directory.Directory;

/**
 * Tasklist's filters, made at start and kept in step with the catalog: "My tasks" for
 * everyone, a queue per group readable by that group only (its unassigned tasks: a
 * claimed task leaves the queue), and "Team's open items" for managers (every task they
 * may read: their people's and their queues'). Most urgent first, then the item opened
 * longest ago; the list shows the opening time, client, order and incident beside each
 * task ({@link TaskListColumns}). Idempotent: a filter is found by its name and brought
 * up to date.
 */
@Component
class TasklistFilters {

	static final String MY_TASKS = "My tasks";

	static final String TEAM = "Team's open items";

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	private final CatalogApi catalog;

	private final AccessPolicy access;

	TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations, CatalogApi catalog,
			AccessPolicy access) {
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
		this.catalog = catalog;
		this.access = access;
	}

	@EventListener({ ApplicationReadyEvent.class, CatalogImported.class })
	@Order(1)
	void keepInStep() {
		Map<String, String> queues = new LinkedHashMap<>();
		queues.put(Directory.HELPDESK_GROUP, "Helpdesk queue");
		for (WorkGroupView group : this.catalog.workGroups()) {
			if (!group.retired()) {
				queues.put(group.groupId(), "Queue: " + group.name() + " (" + group.code() + ")");
			}
		}
		Filter mine = save(MY_TASKS, -10, "Tasks assigned to me, most urgent first, then the longest open",
				queueOrder(this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
		queues.keySet().forEach((group) -> grantReadToGroup(group, mine.getId()));
		int order = 0;
		for (Map.Entry<String, String> queue : queues.entrySet()) {
			// a claimed task leaves the queue (DESIGN §3)
			Filter filter = save(queue.getValue(), order++,
					"Unassigned tasks of " + queue.getKey() + ", most urgent first, then the longest open",
					queueOrder(this.tasks.createTaskQuery().taskCandidateGroup(queue.getKey())));
			grantReadToGroup(queue.getKey(), filter.getId());
		}
		// no criteria: Camunda's authorizations leave a manager the tasks of their people
		// (granted by the task visibility listener) and of their queues
		Filter team = save(TEAM, -5,
				"Open items of my department or work group, most urgent first, then the longest open",
				queueOrder(this.tasks.createTaskQuery()));
		this.access.managers().forEach((manager) -> grantRead(null, manager, team.getId()));
	}

	/**
	 * Most urgent first (the item's priority), then the item opened longest ago (its
	 * opening time, which a new step keeps, unlike the task's own creation time), then
	 * the task made first: a task made before the opening time was a column has none and
	 * comes after those that have, in the order it was made.
	 */
	private static TaskQuery queueOrder(TaskQuery query) {
		return query.orderByTaskPriority()
			.desc()
			.orderByTaskVariable(TaskListColumns.OPENED_AT, ValueType.DATE)
			.asc()
			.orderByTaskCreateTime()
			.asc();
	}

	private Filter save(String name, int priority, String description, TaskQuery query) {
		List<Filter> existing = this.filters.createFilterQuery().filterName(name).list();
		Filter filter = existing.isEmpty() ? this.filters.newTaskFilter(name) : existing.get(0);
		filter.setQuery(query);
		filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true, "variables",
				TaskListColumns.filterProperty(), "showUndefinedVariable", false));
		return this.filters.saveFilter(filter);
	}

	private void grantReadToGroup(String group, String filterId) {
		grantRead(group, null, filterId);
	}

	private void grantRead(String group, String user, String filterId) {
		var granted = this.authorizations.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.resourceId(filterId);
		if (((group != null) ? granted.groupIdIn(group) : granted.userIdIn(user)).count() == 0) {
			Authorization read = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			read.setGroupId(group);
			read.setUserId(user);
			read.setResource(Resources.FILTER);
			read.setResourceId(filterId);
			read.addPermission(Permissions.READ);
			this.authorizations.saveAuthorization(read);
		}
	}

}
