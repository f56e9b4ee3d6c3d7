package ru.telecom.crm.security;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

import ru.telecom.crm.shared.ProcessLinks;

/**
 * A manager's grants on one task or one process instance (DESIGN §3): managers read their
 * people's and their groups' tasks and hand them on, and see exactly those processes in
 * Cockpit, read-only but for retrying a failed job. Called inside engine commands, with
 * the engine's own checks off.
 */
public final class InstanceGrants {

	/** What a manager may do with a process instance of their department or groups. */
	static final Permission[] ON_INSTANCE = { Permissions.READ, ProcessInstancePermissions.RETRY_JOB };

	/** What a manager may do with a task of their department or groups. */
	static final Permission[] ON_TASK = { Permissions.READ, Permissions.UPDATE };

	private InstanceGrants() {
	}

	/**
	 * The task; a task created in this very command has no grants but those made in it,
	 * so the database is not asked.
	 */
	public static void grantTask(AuthorizationService authorizations, String user, String taskId, boolean createdNow) {
		if (createdNow) {
			if (!grantedInThisCommand(user, Resources.TASK, taskId)) {
				insert(authorizations, user, Resources.TASK, taskId, ON_TASK);
			}
			return;
		}
		grant(authorizations, user, Resources.TASK, taskId, ON_TASK);
	}

	/**
	 * The process instance, and the processes it started in this very command (an
	 * incident's first mail is queued before its first task makes its managers known).
	 */
	public static void grantInstance(AuthorizationService authorizations, String user, String processInstanceId) {
		grantOnce(authorizations, user, processInstanceId);
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			return;
		}
		DbEntityCache cache = command.getDbEntityManager().getDbEntityCache();
		cache.getEntitiesByType(ExecutionEntity.class)
			.stream()
			.filter((execution) -> execution.isProcessInstanceExecution() && cache.isTransient(execution))
			.filter((started) -> processInstanceId.equals(started.getVariableLocal(ProcessLinks.STARTED_BY)))
			.forEach((started) -> grantOnce(authorizations, user, started.getId()));
	}

	private static void grantOnce(AuthorizationService authorizations, String user, String processInstanceId) {
		grant(authorizations, user, Resources.PROCESS_INSTANCE, processInstanceId, ON_INSTANCE);
	}

	/**
	 * Takes back the task's and its process's grants of every user but {@code keep}: the
	 * managers of an assignee who no longer holds the item lose sight of it, as they do
	 * in {@code /api}.
	 */
	public static void revokeAllBut(AuthorizationService authorizations, String taskId, String processInstanceId,
			Set<String> keep) {
		revokeAllBut(authorizations, Resources.TASK, taskId, keep);
		revokeAllBut(authorizations, Resources.PROCESS_INSTANCE, processInstanceId, keep);
	}

	private static void revokeAllBut(AuthorizationService authorizations, Resource resource, String resourceId,
			Set<String> keep) {
		authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.stream()
			.filter((grant) -> grant.getUserId() != null && !keep.contains(grant.getUserId()))
			.forEach((grant) -> authorizations.deleteAuthorization(grant.getId()));
	}

	/**
	 * Whoever may see {@code from} in Cockpit may see {@code to}: a process it started.
	 */
	public static void shareInstance(AuthorizationService authorizations, String from, String to) {
		authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(Resources.PROCESS_INSTANCE)
			.resourceId(from)
			.list()
			.stream()
			.filter((grant) -> grant.getUserId() != null)
			.forEach((grant) -> grantInstance(authorizations, grant.getUserId(), to));
	}

	private static void grant(AuthorizationService authorizations, String user, Resource resource, String resourceId,
			Permission[] permissions) {
		boolean granted = grantedInThisCommand(user, resource, resourceId) || authorizations.createAuthorizationQuery()
			.userIdIn(user)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() > 0;
		if (!granted) {
			insert(authorizations, user, resource, resourceId, permissions);
		}
	}

	private static void insert(AuthorizationService authorizations, String user, Resource resource, String resourceId,
			Permission[] permissions) {
		Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId(user);
		grant.setResource(resource);
		grant.setResourceId(resourceId);
		for (Permission permission : permissions) {
			grant.addPermission(permission);
		}
		authorizations.saveAuthorization(grant);
	}

	/** A grant made earlier in this command is not in the database yet. */
	private static boolean grantedInThisCommand(String user, Resource resource, String resourceId) {
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			return false;
		}
		DbEntityCache cache = command.getDbEntityManager().getDbEntityCache();
		return cache.getEntitiesByType(AuthorizationEntity.class)
			.stream()
			.filter((grant) -> !cache.isDeleted(grant))
			.anyMatch((grant) -> user.equals(grant.getUserId()) && resourceId.equals(grant.getResourceId())
					&& grant.getResourceType() == resource.resourceType());
	}

}
