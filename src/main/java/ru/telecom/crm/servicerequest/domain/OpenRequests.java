package ru.telecom.crm.servicerequest.domain;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.servicerequest.RequestCounts;
import ru.telecom.crm.servicerequest.RequestOverview;
import ru.telecom.crm.servicerequest.RequestSearch;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.ListOrder;
import ru.telecom.crm.shared.ListQueries;
import ru.telecom.crm.shared.Priority;

/**
 * The overview's questions about open requests, each one query over the open statuses
 * (named, so that the status indexes serve them) within the caller's scope.
 */
@Service
@Transactional(readOnly = true)
class OpenRequests implements RequestOverview {

	private final EntityManager entities;

	private final ListQueries lists;

	OpenRequests(EntityManager entities, ListQueries lists) {
		this.entities = entities;
		this.lists = lists;
	}

	@Override
	public RequestCounts countOpen(RequestSearch.Scope scope) {
		CriteriaBuilder cb = this.entities.getCriteriaBuilder();
		CriteriaQuery<Tuple> query = cb.createTupleQuery();
		Root<ServiceRequest> root = query.from(ServiceRequest.class);
		Path<RequestStatus> status = root.get("status");
		Path<String> assignee = root.get("assignee");
		Path<Priority> priority = root.get("priority");
		Expression<Long> count = cb.count(root);
		Expression<Instant> oldest = cb.least(root.<Instant>get("createdAt"));
		query.multiselect(status, assignee, priority, count, oldest)
			.where(RequestSpecification.of(scope, RequestSearch.allOpen(scope)).toPredicate(root, query, cb))
			.groupBy(status, assignee, priority);
		return new RequestCounts(this.entities.createQuery(query)
			.getResultList()
			.stream()
			.map((row) -> new RequestCounts.Cell(row.get(status), row.get(assignee), row.get(priority), row.get(count),
					row.get(oldest)))
			.toList());
	}

	@Override
	public List<ServiceRequestView> oldestUnassigned(RequestSearch.Scope scope, int limit) {
		return this.lists
			.first(ServiceRequest.class, RequestSpecification.of(scope, RequestSearch.openUnassigned(scope)),
					ListOrder.OLDEST.sort(), limit)
			.stream()
			.map(ServiceRequest::view)
			.toList();
	}

}
