package ru.telecom.crm.servicerequest.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.servicerequest.CloseReason;
import ru.telecom.crm.servicerequest.NewServiceRequest;
import ru.telecom.crm.servicerequest.RequestSearch;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.AfterCommit;
import ru.telecom.crm.shared.ItemQuery;
import ru.telecom.crm.shared.ListQueries;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.PriorityChange;
import ru.telecom.crm.shared.ProcessLinkCache;
import ru.telecom.crm.status.ActivityKind;
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

	private final MeterRegistry meters;

	ServiceRequestService(ServiceRequestRepository requests, StatusRecorder history, Clock clock, ListQueries lists,
			MeterRegistry meters) {
		this.meters = meters;
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
		AfterCommit.run(() -> Counter.builder("crm.intake")
			.description("Service requests created, by channel")
			.tag("channel", request.channel().name())
			.register(this.meters)
			.increment());
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
	public ServiceRequestView changePriority(long id, PriorityChange change, String actorId) {
		ServiceRequest request = get(id);
		Priority old = request.changePriority(change);
		this.history.activity(EntityType.SERVICE_REQUEST, id, ActivityKind.PRIORITY_CHANGED.name(), actorId,
				change.details(old));
		return request.view();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ServiceRequestView> find(long id) {
		return this.requests.findById(id).map(ServiceRequest::view);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ServiceRequestView> search(RequestSearch search, Pageable page) {
		return this.lists.page(ServiceRequest.class, RequestSpecification.of(search.scope(), search), page)
			.map(ServiceRequest::view);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ServiceRequestView> find(RequestSearch.Scope scope, ItemQuery query, int limit) {
		List<List<ServiceRequest>> found = new ArrayList<>();
		for (Specification<ServiceRequest> part : query.<ServiceRequest>parts("orderId", "description")) {
			found.add(this.lists.first(ServiceRequest.class, RequestSpecification.of(scope, null).and(part),
					ItemQuery.NEWEST, limit));
		}
		return ItemQuery
			.merged(found, ServiceRequest::getId,
					Comparator.comparing(ServiceRequest::getCreatedAt).thenComparing(ServiceRequest::getId).reversed(),
					limit)
			.stream()
			.map(ServiceRequest::view)
			.toList();
	}

	private ServiceRequest get(long id) {
		return this.requests.findById(id).orElseThrow(() -> new NotFoundException("Service request", id));
	}

}
