package ru.telecom.crm.security.process;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLink;

import org.springframework.stereotype.Component;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.security.TaskListColumns;
import ru.telecom.crm.shared.EngineCalls;

/**
 * Lets managers see their people's tasks in Tasklist (DESIGN §3): when a task is created
 * or assigned, the assignee's manager and the manager of the work group whose queue it is
 * in may read it and hand it to someone else. The engine itself grants the assignee and
 * the candidate groups. A new task also gets its own copy of what Tasklist's list shows
 * beside it ({@link TaskListColumns}).
 */
@Component
class TaskVisibilityListener implements TaskListener {

	private static final String WORK_GROUP_PREFIX = "wg-";

	/** The incident process's variable naming the work group's queue. */
	private static final String WORK_GROUP_VARIABLE = "workGroup";

	private final AuthorizationService authorizations;

	private final Directory directory;

	private final CatalogApi catalog;

	TaskVisibilityListener(AuthorizationService authorizations, Directory directory, CatalogApi catalog) {
		this.authorizations = authorizations;
		this.directory = directory;
		this.catalog = catalog;
	}

	@Override
	public void notify(DelegateTask task) {
		if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
			TaskListColumns.copyOnto(task);
		}
		Set<String> managers = new LinkedHashSet<>();
		this.directory.findUser(task.getAssignee()).map(DirectoryUser::managerId).ifPresent(managers::add);
		Set<String> groups = new LinkedHashSet<>();
		task.getCandidates().stream().map(IdentityLink::getGroupId).forEach(groups::add);
		if (task.getVariable(WORK_GROUP_VARIABLE) instanceof String workGroup) {
			groups.add(workGroup);
		}
		for (String group : groups) {
			if (group != null && group.startsWith(WORK_GROUP_PREFIX)) {
				parseCode(group.substring(WORK_GROUP_PREFIX.length())).flatMap(this.catalog::findWorkGroup)
					.ifPresent((workGroup) -> managers.add(workGroup.managerId()));
			}
		}
		// the engine grants the assignee itself
		managers.remove(task.getAssignee());
		EngineCalls.asApp(() -> managers.forEach((manager) -> grantRead(manager, task.getId())));
	}

	private void grantRead(String manager, String taskId) {
		boolean granted = this.authorizations.createAuthorizationQuery()
			.userIdIn(manager)
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.count() > 0 || grantedInThisCommand(manager, taskId);
		if (!granted) {
			Authorization read = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			read.setUserId(manager);
			read.setResource(Resources.TASK);
			read.setResourceId(taskId);
			// managers have full access to their people's items (DESIGN §3): read, and
			// update to hand the task to someone else
			read.addPermission(Permissions.READ);
			read.addPermission(Permissions.UPDATE);
			this.authorizations.saveAuthorization(read);
		}
	}

	/** A grant made earlier in this command is not in the database yet. */
	private static boolean grantedInThisCommand(String manager, String taskId) {
		return Context.getCommandContext()
			.getDbEntityManager()
			.getCachedEntitiesByType(AuthorizationEntity.class)
			.stream()
			.anyMatch((grant) -> manager.equals(grant.getUserId()) && taskId.equals(grant.getResourceId())
					&& grant.getResourceType() == Resources.TASK.resourceType());
	}

	private static Optional<Integer> parseCode(String code) {
		try {
			return Optional.of(Integer.valueOf(code));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
