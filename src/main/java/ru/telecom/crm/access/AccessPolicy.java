package ru.telecom.crm.access;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.directory.Role;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.servicerequest.RequestSearch;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.TaskHeadings;

/**
 * DESIGN §3 as code. Requests: an agent has full access to own (and to the helpdesk
 * queue's unassigned ones), a helpdesk manager to the department's; third line reads
 * those behind incidents it may see. Incidents: an engineer has full access to own and to
 * the NEW ones of the work groups' queues, a work group manager to the department's and
 * the managed groups'; the helpdesk reads those opened from requests it owns.
 * Administrators have full access to all.
 */
@Component
public class AccessPolicy {

	private final Directory directory;

	private final CatalogApi catalog;

	private final ServiceRequestApi requests;

	private final IncidentApi incidents;

	AccessPolicy(Directory directory, CatalogApi catalog, ServiceRequestApi requests, IncidentApi incidents) {
		this.directory = directory;
		this.catalog = catalog;
		this.requests = requests;
		this.incidents = incidents;
	}

	/** The caller, or a caller who sees nothing when the directory does not know them. */
	public Caller caller(String userId) {
		DirectoryUser user = this.directory.findUser(userId)
			.orElseGet(() -> new DirectoryUser(userId, null, null, null, null, Set.of(), Set.of()));
		Set<String> department = new HashSet<>();
		if (user.hasRole(Role.HELP_DESK_MANAGER) || user.hasRole(Role.SL3_MANAGER)) {
			this.directory.department(user.id()).forEach((member) -> department.add(member.id()));
		}
		Set<Long> memberOf = new HashSet<>();
		Set<Long> manages = new HashSet<>();
		for (WorkGroupView group : this.catalog.workGroups()) {
			if (user.groups().contains(group.groupId())) {
				memberOf.add(group.id());
			}
			if (user.id().equals(group.managerId()) && user.hasRole(Role.SL3_MANAGER)) {
				manages.add(group.id());
			}
		}
		return new Caller(user, department, memberOf, manages);
	}

	/** Everyone who heads a department or a work group: Cockpit, the team's filter. */
	public Set<String> managers() {
		Set<String> managers = new LinkedHashSet<>(this.directory.managerIds());
		this.catalog.workGroups()
			.stream()
			.map(WorkGroupView::managerId)
			.filter(Objects::nonNull)
			.forEach(managers::add);
		return managers;
	}

	/**
	 * The managers with full access to a task held by {@code assignee} or waiting in the
	 * queues of {@code groups} (DESIGN §3): the assignee's manager and the managers of
	 * the work groups; never the assignee themselves.
	 */
	public Set<String> managersOf(String assignee, Collection<String> groups) {
		return managersOf(assignee, groups, null);
	}

	/**
	 * The item a task of that process works on, as far as tasks need it, read once per
	 * task event: an incident's number, work group, priority and opening time, found
	 * through the incident's link to its process; with {@code withRequest}, a request's
	 * number, priority and opening time too (a request's task has no incident to route
	 * it, and only a new task needs them).
	 */
	public TaskItem itemOfTask(String processInstanceId, boolean withRequest) {
		Optional<IncidentView> incident = this.incidents.findByProcess(processInstanceId);
		if (incident.isPresent()) {
			IncidentView found = incident.get();
			return new TaskItem(TaskHeadings.INCIDENT, found.id(), found.workGroupId(), found.priority(),
					found.createdAt(), found.dueAt());
		}
		return withRequest ? this.requests.findByProcess(processInstanceId)
			.map((request) -> new TaskItem(TaskHeadings.REQUEST, request.id(), null, request.priority(),
					request.createdAt(), null))
			.orElse(TaskItem.NONE) : TaskItem.NONE;
	}

	/**
	 * The managers with full access to a task of that item: as
	 * {@link #managersOf(String, Collection)}, and for an incident's task also the
	 * manager of the work group it was routed to.
	 */
	public Set<String> managersOfTask(TaskItem item, String assignee, Collection<String> candidateGroups) {
		return managersOf(assignee, new HashSet<>(candidateGroups), item.workGroupId());
	}

	/**
	 * What a task needs of its item: what it is called and its number (for the task's
	 * name), the work group of an incident, the priority and opening time of an incident
	 * or request; nulls when unknown (an incident's first task is made before its link:
	 * it reads them from the start's transient variables).
	 */
	public record TaskItem(String kind, Long number, Long workGroupId, Priority priority, Instant openedAt,
			Instant dueAt) {

		public static final TaskItem NONE = new TaskItem(null, null, null, null, null, null);

		/** Whether the item is known: a number to show. */
		public boolean known() {
			return this.number != null;
		}

	}

	private Set<String> managersOf(String assignee, Collection<String> groups, Long workGroupId) {
		Set<String> managers = new LinkedHashSet<>();
		if (assignee != null) {
			this.directory.findUser(assignee).map(DirectoryUser::managerId).ifPresent(managers::add);
		}
		for (WorkGroupView group : this.catalog.workGroups()) {
			if ((groups.contains(group.groupId()) || Objects.equals(group.id(), workGroupId))
					&& group.managerId() != null) {
				managers.add(group.managerId());
			}
		}
		managers.remove(assignee);
		managers.remove(null);
		return managers;
	}

	public Access toRequest(Caller caller, ServiceRequestView request) {
		if (caller.isAdmin() || owns(caller, request)) {
			return Access.FULL;
		}
		if (caller.isThirdLine()) {
			boolean behindVisibleIncident = this.incidents.findByServiceRequest(request.id())
				.map((incident) -> toIncidentAsThirdLine(caller, incident) != Access.NONE)
				.orElse(false);
			return behindVisibleIncident ? Access.READ : Access.NONE;
		}
		return Access.NONE;
	}

	public Access toIncident(Caller caller, IncidentView incident) {
		if (caller.isAdmin()) {
			return Access.FULL;
		}
		Access thirdLine = toIncidentAsThirdLine(caller, incident);
		if (thirdLine != Access.NONE) {
			return thirdLine;
		}
		if (caller.isHelpdesk()) {
			boolean fromOwnRequest = this.requests.find(incident.serviceRequestId())
				.map((request) -> owns(caller, request))
				.orElse(false);
			return fromOwnRequest ? Access.READ : Access.NONE;
		}
		return Access.NONE;
	}

	/** The request, if the caller may see it; "not found" otherwise. */
	public ServiceRequestView visibleRequest(Caller caller, long id) {
		ServiceRequestView request = this.requests.find(id)
			.orElseThrow(() -> new NotFoundException("Service request", id));
		if (toRequest(caller, request) == Access.NONE) {
			throw new NotFoundException("Service request", id);
		}
		return request;
	}

	/** The incident, if the caller may see it; "not found" otherwise. */
	public IncidentView visibleIncident(Caller caller, long id) {
		IncidentView incident = this.incidents.find(id).orElseThrow(() -> new NotFoundException("Incident", id));
		if (toIncident(caller, incident) == Access.NONE) {
			throw new NotFoundException("Incident", id);
		}
		return incident;
	}

	/** What the caller's request lists show; {@code null} for everything. */
	public RequestSearch.Scope requestScope(Caller caller) {
		if (caller.isAdmin()) {
			return null;
		}
		Set<String> owners = caller.isHelpdesk() ? owners(caller) : Set.of();
		IncidentSearch.Scope behindIncidents = caller.isThirdLine() ? thirdLineScope(caller) : null;
		return new RequestSearch.Scope(owners, caller.isHelpdesk() && caller.worksTheHelpdeskQueue(), behindIncidents);
	}

	/** What the caller's incident lists show; {@code null} for everything. */
	public IncidentSearch.Scope incidentScope(Caller caller) {
		if (caller.isAdmin()) {
			return null;
		}
		IncidentSearch.Scope thirdLine = caller.isThirdLine() ? thirdLineScope(caller)
				: new IncidentSearch.Scope(Set.of(), Set.of(), Set.of());
		boolean helpdesk = caller.isHelpdesk();
		return new IncidentSearch.Scope(thirdLine.assignees(), thirdLine.queueWorkGroupIds(),
				thirdLine.managedWorkGroupIds(), helpdesk ? owners(caller) : Set.of(),
				helpdesk && caller.worksTheHelpdeskQueue());
	}

	private IncidentSearch.Scope thirdLineScope(Caller caller) {
		Set<String> assignees = new HashSet<>(Set.of(caller.id()));
		if (caller.is(Role.SL3_MANAGER)) {
			assignees.addAll(caller.department());
		}
		return new IncidentSearch.Scope(assignees, caller.is(Role.SL3_USER) ? caller.memberOf() : Set.of(),
				caller.manages());
	}

	private Access toIncidentAsThirdLine(Caller caller, IncidentView incident) {
		if (!caller.isThirdLine()) {
			return Access.NONE;
		}
		if (caller.id().equals(incident.assignee())) {
			return Access.FULL;
		}
		if (caller.is(Role.SL3_USER) && incident.status() == IncidentStatus.NEW
				&& caller.memberOf().contains(incident.workGroupId())) {
			return Access.FULL;
		}
		if (caller.is(Role.SL3_MANAGER) && (caller.department().contains(incident.assignee())
				|| caller.manages().contains(incident.workGroupId()))) {
			return Access.FULL;
		}
		return Access.NONE;
	}

	private boolean owns(Caller caller, ServiceRequestView request) {
		if (!caller.isHelpdesk()) {
			return false;
		}
		if (request.assignee() == null) {
			return caller.worksTheHelpdeskQueue();
		}
		return owners(caller).contains(request.assignee());
	}

	private static Set<String> owners(Caller caller) {
		Set<String> owners = new HashSet<>(Set.of(caller.id()));
		if (caller.is(Role.HELP_DESK_MANAGER)) {
			owners.addAll(caller.department());
		}
		return owners;
	}

}
