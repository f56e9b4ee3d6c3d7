package ru.telecom.crm.servicerequest.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.servicerequest.CloseReason;
import ru.telecom.crm.servicerequest.NewServiceRequest;
import ru.telecom.crm.servicerequest.RequestSearch;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.ListQueries;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.SearchFilters;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.ProcessLinkCache;
import ru.telecom.crm.status.StatusRecorder;
import ru.telecom.crm.status.StatusRecorder.EntityType;

@Service
@Transactional
class ServiceRequestService implements RequestTransitions {

	private final ServiceRequestRepository requests;

	/** Which item each process belongs to: found once, kept. */
	private final ProcessLinkCache links = new ProcessLinkCache();

	private final StatusRecorder history;

	private final Clock clock;

	private final ListQueries lists;

	ServiceRequestService(ServiceRequestRepository requests, StatusRecorder history, Clock clock, ListQueries lists) {
		this.requests = requests;
		this.history = history;
		this.clock = clock;
		this.lists = lists;
	}

	@Override
	public ServiceRequestView open(NewServiceRequest request, String actorId) {
		Priority priority = (request.priority() != null) ? request.priority() : Priority.NORMAL;
		ServiceRequest created = this.requests
			.save(new ServiceRequest(request.channel(), priority, request.description(), actorId, request.assignee(),
					request.clientId(), request.orderId(), request.rawMessage(), this.clock.instant()));
		this.history.requestTransition(created.getId(), null, RequestStatus.NEW.name(), created.getAssignee(), actorId);
		return created.view();
	}

	@Override
	@Transactional(readOnly = true)
	public long idOfProcess(String processInstanceId) {
		return this.links
			.get(processInstanceId,
					() -> this.requests.findByProcessInstanceId(processInstanceId).map(ServiceRequest::getId))
			.orElseThrow(() -> new IllegalStateException("No service request belongs to process " + processInstanceId));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ServiceRequestView> findByProcess(String processInstanceId) {
		return this.links
			.get(processInstanceId,
					() -> this.requests.findByProcessInstanceId(processInstanceId).map(ServiceRequest::getId))
			.flatMap(this.requests::findById)
			.map(ServiceRequest::view);
	}

	@Override
	public void attachToProcess(long id, String processInstanceId) {
		get(id).attachToProcess(processInstanceId);
	}

	@Override
	public void bind(long id, long clientId, long orderId, String actorId) {
		get(id).bind(clientId, orderId);
		this.history.activity(EntityType.SERVICE_REQUEST, id, "CALLER_IDENTIFIED", actorId,
				"client " + clientId + ", order " + orderId);
	}

	@Override
	public void assign(long id, String agent, String actorId) {
		ServiceRequest request = get(id);
		String before = request.getAssignee();
		if (request.assignTo(agent)) {
			this.history.activity(EntityType.SERVICE_REQUEST, id, "ASSIGNED", actorId,
					((before != null) ? before : "queue") + " -> " + ((agent != null) ? agent : "queue"));
		}
	}

	@Override
	public void markInProgress(long id, String actorId) {
		ServiceRequest request = get(id);
		RequestStatus old = request.markInProgress();
		this.history.requestTransition(id, old.name(), request.getStatus().name(), request.getAssignee(), actorId);
	}

	@Override
	public void close(long id, CloseReason reason, String actorId) {
		ServiceRequest request = get(id);
		RequestStatus old = request.close(reason, this.clock.instant());
		this.history.requestTransition(id, old.name(), request.getStatus().name(), request.getAssignee(), actorId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ServiceRequestView> find(long id) {
		return this.requests.findById(id).map(ServiceRequest::view);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ServiceRequestView> search(RequestSearch search, Pageable page) {
		return this.lists.page(ServiceRequest.class, specification(search.scope(), search), page)
			.map(ServiceRequest::view);
	}

	private static Specification<ServiceRequest> specification(RequestSearch.Scope scope, RequestSearch search) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (scope != null) {
				List<Predicate> visible = new ArrayList<>();
				if (!scope.assignees().isEmpty()) {
					visible.add(root.get("assignee").in(scope.assignees()));
				}
				if (scope.unassigned()) {
					visible.add(cb.isNull(root.get("assignee")));
				}
				if (scope.behindIncidents() != null) {
					visible.add(root.get("id").in(behind(query, cb, scope.behindIncidents())));
				}
				where.add(visible.isEmpty() ? cb.disjunction() : cb.or(visible.toArray(Predicate[]::new)));
			}
			SearchFilters filters = new SearchFilters(cb);
			where.forEach(filters::add);
			if (search != null) {
				filters.equal(root.get("status"), search.status())
					.equal(root.get("clientId"), search.clientId())
					.equal(root.get("assignee"), search.assignee())
					.equal(root.get("orderId"), search.orderId())
					.contains(root.get("description"), search.text())
					.between(root.get("createdAt"), search.createdFrom(), search.createdTo());
			}
			return filters.all();
		};
	}

	/** The ids of the requests behind the incidents of that third-line work. */
	private static Subquery<Long> behind(CommonAbstractCriteria query, CriteriaBuilder cb,
			IncidentSearch.Scope incidents) {
		Subquery<Long> behind = query.subquery(Long.class);
		Root<IncidentLink> incident = behind.from(IncidentLink.class);
		List<Predicate> visible = incidents.thirdLineWork(incident, cb);
		return behind.select(incident.get("serviceRequestId"))
			.where(visible.isEmpty() ? cb.disjunction() : cb.or(visible.toArray(Predicate[]::new)));
	}

	private ServiceRequest get(long id) {
		return this.requests.findById(id).orElseThrow(() -> new NotFoundException("Service request", id));
	}

}
