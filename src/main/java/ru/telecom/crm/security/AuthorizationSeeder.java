package ru.telecom.crm.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.CatalogImported;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.directory.Directory;

/**
 * Grants what DESIGN §3 gives each group in Camunda's webapps, at every start and after
 * every catalog import: agents and engineers Tasklist and their queues, managers also
 * Cockpit with our processes' diagrams (the instances they see are granted one by one),
 * administrators everything (filters: {@code TasklistFilters}). Idempotent: a grant that
 * exists is completed, never duplicated. Tasks themselves are granted by the engine
 * (assignee, candidate groups) and by {@code TaskVisibilityListener} (managers).
 */
@Component
class AuthorizationSeeder {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationSeeder.class);

	/** The processes managers watch in Cockpit. */
	static final List<String> PROCESSES = List.of("ServiceRequestProcess", "IncidentProcess", "IncidentMailProcess");

	private final AuthorizationService authorizations;

	private final CatalogApi catalog;

	private final AccessPolicy access;

	AuthorizationSeeder(AuthorizationService authorizations, CatalogApi catalog, AccessPolicy access) {
		this.authorizations = authorizations;
		this.catalog = catalog;
		this.access = access;
	}

	@EventListener({ ApplicationReadyEvent.class, CatalogImported.class })
	void seed() {
		List<String> queues = new ArrayList<>();
		queues.add(Directory.HELPDESK_GROUP);
		this.catalog.workGroups().stream().map(WorkGroupView::groupId).forEach(queues::add);
		for (String queue : queues) {
			grantGroup(queue, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		}
		// the definition only (its name and diagram beside a task), never its instances
		queues.stream()
			.filter((queue) -> !Directory.HELPDESK_GROUP.equals(queue))
			.forEach((group) -> grantGroup(group, Resources.PROCESS_DEFINITION, "IncidentProcess", Permissions.READ));
		grantGroup(Directory.HELPDESK_GROUP, Resources.PROCESS_DEFINITION, "ServiceRequestProcess", Permissions.READ,
				Permissions.CREATE_INSTANCE);
		grantGroup(Directory.HELPDESK_GROUP, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
		for (Resources resource : Resources.values()) {
			grantGroup(Directory.ADMIN_GROUP, resource, "*", Permissions.ALL);
		}
		// the heads of departments and of work groups
		Set<String> managers = this.access.managers();
		for (String manager : managers) {
			grantUser(manager, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
			grantUser(manager, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			for (String process : PROCESSES) {
				// the diagram only: the instances a manager sees are granted one by one
				// as
				// they enter the department or the groups (InstanceGrants)
				grantUserExactly(manager, Resources.PROCESS_DEFINITION, process, new Permission[] { Permissions.READ },
						Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.UPDATE_INSTANCE);
			}
		}
		int former = takeBackFromFormerManagers(managers);
		log.info("Camunda authorizations granted to {} queues and {} managers, taken back from {} former managers",
				queues.size(), managers.size(), former);
	}

	/**
	 * Someone who no longer heads a department or a work group loses Cockpit and the
	 * processes' diagrams (their instance grants went with the assignments).
	 */
	private int takeBackFromFormerManagers(Set<String> managers) {
		Set<String> former = new java.util.TreeSet<>();
		this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(Resources.APPLICATION)
			.resourceId("cockpit")
			.list()
			.stream()
			.map(Authorization::getUserId)
			.filter((user) -> user != null && !managers.contains(user))
			.forEach(former::add);
		for (String user : former) {
			this.authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.userIdIn(user)
				.list()
				.stream()
				.filter((grant) -> (grant.getResourceType() == Resources.APPLICATION.resourceType()
						&& "cockpit".equals(grant.getResourceId()))
						|| (grant.getResourceType() == Resources.PROCESS_DEFINITION.resourceType()
								&& PROCESSES.contains(grant.getResourceId())))
				.forEach((grant) -> this.authorizations.deleteAuthorization(grant.getId()));
		}
		return former.size();
	}

	private void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization grant = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (grant == null) {
			grant = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(groupId);
			grant.setResource(resource);
			grant.setResourceId(resourceId);
		}
		save(grant, permissions);
	}

	private void grantUser(String userId, Resource resource, String resourceId, Permission... permissions) {
		grantUserExactly(userId, resource, resourceId, permissions);
	}

	/**
	 * The user's grant with these permissions, and without {@code takenBack}: what
	 * earlier versions granted more than DESIGN §3 allows.
	 */
	private void grantUserExactly(String userId, Resource resource, String resourceId, Permission[] permissions,
			Permission... takenBack) {
		Authorization grant = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.userIdIn(userId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (grant == null) {
			grant = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setUserId(userId);
			grant.setResource(resource);
			grant.setResourceId(resourceId);
		}
		boolean excess = Arrays.stream(takenBack).anyMatch(grant::isPermissionGranted);
		Arrays.stream(takenBack).forEach(grant::removePermission);
		save(grant, excess, permissions);
	}

	private void save(Authorization grant, Permission... permissions) {
		save(grant, false, permissions);
	}

	private void save(Authorization grant, boolean changed, Permission... permissions) {
		boolean missing = changed;
		for (Permission permission : permissions) {
			if (!grant.isPermissionGranted(permission)) {
				grant.addPermission(permission);
				missing = true;
			}
		}
		if (missing || grant.getId() == null) {
			this.authorizations.saveAuthorization(grant);
		}
	}

}
