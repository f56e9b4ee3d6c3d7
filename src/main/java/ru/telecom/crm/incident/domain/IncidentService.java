package ru.telecom.crm.incident.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
import ru.telecom.crm.incident.IncidentClocks;
import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.incident.OpenIncident;
import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.ItemQuery;
import ru.telecom.crm.shared.ListQueries;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.ProcessLinkCache;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.PriorityChange;
import ru.telecom.crm.shared.ProcessLinks;
import ru.telecom.crm.sla.SlaReading;
import ru.telecom.crm.status.ActivityKind;
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

	private final ServiceLevels serviceLevels;

	IncidentService(IncidentRepository incidents, CatalogApi catalog, Directory directory, StatusRecorder history,
			RuntimeService runtime, Clock clock, ListQueries lists, ServiceLevels serviceLevels) {
		this.serviceLevels = serviceLevels;
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
		this.serviceLevels.update(incident);
		IncidentView opened = incident.view();
		VariableMap variables = Variables.createVariables()
			.putValue(IncidentProcess.WORK_GROUP, "wg-" + service.workGroupCode())
			.putValue(IncidentProcess.INCIDENT_ID, incident.getId())
			// the first task is made before the link below: it reads its item from these
			// transient variables (gone when the start's command ends, never stored)
			.putValueTyped(ProcessLinks.OPENING_PRIORITY,
					Variables.stringValue(Objects.requireNonNullElse(opened.priority(), Priority.NORMAL).name(), true))
			.putValueTyped(ProcessLinks.OPENING_NUMBER, Variables.longValue(opened.id(), true))
			.putValueTyped(ProcessLinks.OPENING_TIME, Variables.dateValue(Date.from(opened.createdAt()), true));
		if (opened.dueAt() != null) {
			variables.putValueTyped(ProcessLinks.OPENING_DUE, Variables.dateValue(Date.from(opened.dueAt()), true));
		}
		if (command.clientName() != null) {
			// the tasks' names carry it (TaskHeadings)
			variables.putValue(ProcessLinks.CLIENT_NAME, command.clientName());
		}
		ProcessInstance process = EngineCalls
			.asApp(() -> this.runtime.createMessageCorrelation(IncidentProcess.MESSAGE_OPENED)
				.processInstanceBusinessKey(String.valueOf(incident.getId()))
				.setVariables(variables)
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
		if (incident.getStatus() != IncidentStatus.ASSIGNED && incident.getStatus() != IncidentStatus.NEW) {
			// assigning moves no clock
			this.serviceLevels.update(incident);
		}
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
	public IncidentStatus lockForChange(long id) {
		return this.incidents.lockStatus(id)
			.map(IncidentStatus::valueOf)
			.orElseThrow(() -> new NotFoundException("Incident", id));
	}

	@Override
	public void markUnlinked(long id, String actorId) {
		Incident incident = get(id);
		incident.unlink(this.clock.instant());
		this.history.activity(EntityType.INCIDENT, id, "UNLINKED", actorId,
				"from service request " + incident.getServiceRequestId());
	}

	@Override
	public IncidentView changePriority(long id, PriorityChange change, String actorId) {
		Incident incident = get(id);
		Priority old = incident.changePriority(change);
		this.serviceLevels.update(incident);
		this.history.activity(EntityType.INCIDENT, id, ActivityKind.PRIORITY_CHANGED.name(), actorId,
				change.details(old));
		return incident.view();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<IncidentClocks> clocks(long id) {
		return this.incidents.findById(id).flatMap(this.serviceLevels::of);
	}

	@Override
	public boolean recordBreach(long id, SlaReading.Target target, Instant dueAt) {
		return ((target == SlaReading.Target.RESPONSE) ? this.incidents.recordResponseBreach(id, dueAt)
				: this.incidents.recordResolutionBreach(id, dueAt)) == 1;
	}

	@Override
	public IncidentView readClocksAgain(long id) {
		Incident incident = get(id);
		this.serviceLevels.update(incident);
		return incident.view();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasServiceLevel(long id) {
		return this.incidents.findById(id).map(this.serviceLevels::applies).orElse(false);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Long> openIds(long afterId, int limit) {
		return this.incidents.findOpenIds(afterId, IncidentStatus.CLOSED, PageRequest.of(0, limit));
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
		return this.lists.page(Incident.class, IncidentSpecification.of(search.scope(), search), page)
			.map(Incident::view);
	}

	@Override
	@Transactional(readOnly = true)
	public List<IncidentView> find(IncidentSearch.Scope scope, ItemQuery query, int limit) {
		List<List<Incident>> found = new ArrayList<>();
		for (Specification<Incident> part : query.<Incident>parts(null, "narrative")) {
			found.add(this.lists.first(Incident.class, IncidentSpecification.of(scope, null).and(part),
					ItemQuery.NEWEST, limit));
		}
		return ItemQuery
			.merged(found, Incident::getId,
					Comparator.comparing(Incident::getCreatedAt).thenComparing(Incident::getId).reversed(), limit)
			.stream()
			.map(Incident::view)
			.toList();
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
					"User '" + engineer + "' is not an engineer of work group " + group));
		return user.id();
	}

	private WorkGroupView workGroupOf(Incident incident) {
		return this.catalog.findWorkGroupById(incident.getWorkGroupId()).orElseThrow();
	}

	private Incident get(long id) {
		return this.incidents.findById(id).orElseThrow(() -> new NotFoundException("Incident", id));
	}

}
