package ru.telecom.crm.incident.domain;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.incident.HeldIncident;
import ru.telecom.crm.incident.IncidentCounts;
import ru.telecom.crm.incident.IncidentOverview;
import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.shared.ListOrder;
import ru.telecom.crm.shared.ListQueries;
import ru.telecom.crm.shared.Priority;

/**
 * The overview's questions about open incidents, each one query over the open statuses
 * (named, so that the status indexes serve them) within the caller's scope.
 */
@Service
@Transactional(readOnly = true)
class OpenIncidents implements IncidentOverview {

	private final EntityManager entities;

	private final ListQueries lists;

	OpenIncidents(EntityManager entities, ListQueries lists) {
		this.entities = entities;
		this.lists = lists;
	}

	@Override
	public IncidentCounts countOpen(IncidentSearch.Scope scope) {
		CriteriaBuilder cb = this.entities.getCriteriaBuilder();
		CriteriaQuery<Tuple> query = cb.createTupleQuery();
		Root<Incident> root = query.from(Incident.class);
		Path<IncidentStatus> status = root.get("status");
		Path<Long> group = root.get("workGroupId");
		Path<Long> service = root.get("serviceId");
		Path<String> assignee = root.get("assignee");
		Path<Priority> priority = root.get("priority");
		Expression<Long> count = cb.count(root);
		Expression<Instant> oldest = cb.least(root.<Instant>get("createdAt"));
		query.multiselect(status, group, service, assignee, priority, count, oldest)
			.where(IncidentSpecification.of(scope, IncidentSearch.allOpen(scope)).toPredicate(root, query, cb))
			.groupBy(status, group, service, assignee, priority);
		return new IncidentCounts(this.entities.createQuery(query)
			.getResultList()
			.stream()
			.map((row) -> new IncidentCounts.Cell(row.get(status), row.get(group), row.get(service), row.get(assignee),
					row.get(priority), row.get(count), row.get(oldest)))
			.toList());
	}

	@Override
	public List<IncidentView> oldestUnassigned(IncidentSearch.Scope scope, int limit) {
		return this.lists
			.first(Incident.class, IncidentSpecification.of(scope, IncidentSearch.openUnassigned(scope)),
					ListOrder.OLDEST.sort(), limit)
			.stream()
			.map(Incident::view)
			.toList();
	}

	@Override
	public List<HeldIncident> longestOnHold(IncidentSearch.Scope scope, int limit) {
		CriteriaBuilder cb = this.entities.getCriteriaBuilder();
		CriteriaQuery<Tuple> query = cb.createTupleQuery();
		Root<Incident> root = query.from(Incident.class);
		// its last status change is the one that put it on hold
		Subquery<Instant> since = query.subquery(Instant.class);
		Root<StatusChange> change = since.from(StatusChange.class);
		since.select(cb.greatest(change.<Instant>get("createdAt")))
			.where(cb.equal(change.get("incidentId"), root.get("id")));
		IncidentSearch onHold = new IncidentSearch(scope, IncidentStatus.ON_HOLD, null, null, null, null, null, null,
				null, false, null, true);
		query.multiselect(root, since)
			.where(IncidentSpecification.of(scope, onHold).toPredicate(root, query, cb))
			.orderBy(cb.asc(since), cb.asc(root.get("id")));
		return this.entities.createQuery(query)
			.setMaxResults(limit)
			.getResultList()
			.stream()
			.map((row) -> new HeldIncident(row.get(0, Incident.class).view(), row.get(1, Instant.class)))
			.toList();
	}

}
