package ru.telecom.crm.incident.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.ServiceView;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.directory.Role;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.incident.OpenIncident;
import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.ListQueries;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.SearchFilters;
import ru.telecom.crm.shared.ProcessLinkCache;
import ru.telecom.crm.shared.ProcessLinks;
import ru.telecom.crm.status.StatusRecorder;
import ru.telecom.crm.status.StatusRecorder.EntityType;

@Service
@Transactional
class IncidentService implements IncidentTransitions {

	private final IncidentRepository incidents;

	/** Which item each process belongs to: found once, kept. */
	private final ProcessLinkCache links = new ProcessLinkCache();

	private final CatalogApi catalog;

	private final Directory directory;

	private final StatusRecorder history;

	private final RuntimeService runtime;

	private final Clock clock;

	private final ListQueries lists;

	IncidentService(IncidentRepository incidents, CatalogApi catalog, Directory directory, StatusRecorder history,
			RuntimeService runtime, Clock clock, ListQueries lists) {
		this.incidents = incidents;
		this.catalog = catalog;
		this.directory = directory;
		this.history = history;
		this.runtime = runtime;
		this.clock = clock;
		this.lists = lists;
	}

	@Override
	public IncidentView open(OpenIncident command, String actorId) {
		ServiceView service = this.catalog.findService(command.serviceCode())
			.filter((found) -> !found.retired())
			.orElseThrow(() -> new InvalidInputException("serviceCode",
					"no service " + command.serviceCode() + " in the catalog"));
		Incident incident = this.incidents.save(new Incident(command.serviceRequestId(), command.clientId(),
				service.id(), service.workGroupId(), command.priority(), actorId, this.clock.instant()));
		this.history.incidentTransition(incident.getId(), null, IncidentStatus.NEW.name(), null, actorId);
		ProcessInstance process = EngineCalls
			.asApp(() -> this.runtime.createMessageCorrelation(IncidentProcess.MESSAGE_OPENED)
				.processInstanceBusinessKey(String.valueOf(incident.getId()))
				.setVariable(IncidentProcess.WORK_GROUP, "wg-" + service.workGroupCode())
				.setVariable(IncidentProcess.INCIDENT_ID, incident.getId())
				.setVariable(ProcessLinks.OPENING_PRIORITY,
						Variables.stringValue(java.util.Objects
							.requireNonNullElse(command.priority(), ru.telecom.crm.shared.Priority.NORMAL)
							.name(), true))
				.setVariable(IncidentProcess.SUMMARY,
						"Service " + service.code() + " " + service.name() + "\n"
								+ ((command.summary() != null) ? command.summary() : ""))
				.correlateStartMessage());
		incident.attachToProcess(process.getId());
		return incident.view();
	}

	@Override
	public void transition(long id, IncidentStatus target, TransitionDetails details, String actorId) {
		Incident incident = get(id);
		IncidentStatus old = switch (target) {
			case ASSIGNED -> incident.assignTo(engineerOf(incident, details.engineer()));
			case NEW -> incident.unassign();
			case INWORK -> (incident.getStatus() == IncidentStatus.ON_HOLD) ? incident.resume() : incident.startWork();
			case ON_HOLD -> incident.hold(details.holdReason());
			case CLOSED -> incident.close(details.narrative(), this.clock.instant());
		};
		if (old == incident.getStatus()) {
			this.history.activity(EntityType.INCIDENT, id, "REASSIGNED", actorId, "to " + incident.getAssignee());
			return;
		}
		this.history.incidentTransition(id, old.name(), incident.getStatus().name(), incident.getAssignee(), actorId);
	}

	@Override
	public void reassign(long id, String engineer, String actorId) {
		Incident incident = get(id);
		String before = incident.getAssignee();
		if (incident.getStatus() == IncidentStatus.NEW) {
			throw new InvalidInputException("engineer", "incident " + id + " is NEW: assign it, not reassign it");
		}
		incident.assignTo(engineerOf(incident, engineer));
		this.history.activity(EntityType.INCIDENT, id, "REASSIGNED", actorId, before + " -> " + engineer);
	}

	@Override
	public void markUnlinked(long id, String actorId) {
		Incident incident = get(id);
		incident.unlink(this.clock.instant());
		this.history.activity(EntityType.INCIDENT, id, "UNLINKED", actorId,
				"from service request " + incident.getServiceRequestId());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<IncidentView> find(long id) {
		return this.incidents.findById(id).map(Incident::view);
	}

	@Override
	@Transactional(readOnly = true)
	public long idOfProcess(String processInstanceId) {
		return linkedTo(processInstanceId)
			.orElseThrow(() -> new IllegalStateException("No incident belongs to process " + processInstanceId));
	}

	/** The incident linked to the process, found once (see {@link ProcessLinkCache}). */
	private Optional<Long> linkedTo(String processInstanceId) {
		return this.links.get(processInstanceId,
				() -> this.incidents.findByProcessInstanceId(processInstanceId).map(Incident::getId));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<IncidentView> findByProcess(String processInstanceId) {
		return linkedTo(processInstanceId).flatMap(this.incidents::findById).map(Incident::view);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<IncidentView> findByServiceRequest(long serviceRequestId) {
		return this.incidents.findByServiceRequestId(serviceRequestId).map(Incident::view);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<IncidentView> search(IncidentSearch search, Pageable page) {
		return this.lists.page(Incident.class, specification(search.scope(), search), page).map(Incident::view);
	}

	private static Specification<Incident> specification(IncidentSearch.Scope scope, IncidentSearch search) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (scope != null) {
				List<Predicate> visible = scope.thirdLineWork(root, cb);
				if (!scope.requestAssignees().isEmpty() || scope.unassignedRequests()) {
					visible.add(root.get("serviceRequestId").in(requestsOwnedBy(query, cb, scope)));
				}
				where.add(visible.isEmpty() ? cb.disjunction() : cb.or(visible.toArray(Predicate[]::new)));
			}
			SearchFilters filters = new SearchFilters(cb);
			where.forEach(filters::add);
			if (search != null) {
				filters.equal(root.get("status"), search.status())
					.equal(root.get("clientId"), search.clientId())
					.equal(root.get("assignee"), search.assignee())
					.equal(root.get("serviceId"), search.serviceId())
					.equal(root.get("workGroupId"), search.workGroupId())
					.contains(root.get("narrative"), search.text())
					.between(root.get("createdAt"), search.createdFrom(), search.createdTo());
			}
			return filters.all();
		};
	}

	/**
	 * The ids of the requests assigned to one of the scope's request assignees, or
	 * unassigned when it says so.
	 */
	private static Subquery<Long> requestsOwnedBy(CommonAbstractCriteria query, CriteriaBuilder cb,
			IncidentSearch.Scope scope) {
		Subquery<Long> owned = query.subquery(Long.class);
		Root<RequestOwner> request = owned.from(RequestOwner.class);
		List<Predicate> owners = new ArrayList<>();
		if (!scope.requestAssignees().isEmpty()) {
			owners.add(request.get("assignee").in(scope.requestAssignees()));
		}
		if (scope.unassignedRequests()) {
			owners.add(cb.isNull(request.get("assignee")));
		}
		return owned.select(request.get("id")).where(cb.or(owners.toArray(Predicate[]::new)));
	}

	/**
	 * The engineer, checked: a third-line user or manager of the incident's work group.
	 */
	private String engineerOf(Incident incident, String engineer) {
		if (engineer == null || engineer.isBlank()) {
			throw new InvalidInputException("engineer", "choose the engineer to assign");
		}
		String group = workGroupOf(incident).groupId();
		DirectoryUser user = this.directory.findUser(engineer.strip())
			.filter((found) -> found.groups().contains(group))
			.filter((found) -> found.hasRole(Role.SL3_USER) || found.hasRole(Role.SL3_MANAGER))
			.orElseThrow(() -> new InvalidInputException("engineer",
					"'" + engineer + "' is not an engineer of work group " + group));
		return user.id();
	}

	private WorkGroupView workGroupOf(Incident incident) {
		return this.catalog.findWorkGroupById(incident.getWorkGroupId()).orElseThrow();
	}

	private Incident get(long id) {
		return this.incidents.findById(id).orElseThrow(() -> new NotFoundException("Incident", id));
	}

}
