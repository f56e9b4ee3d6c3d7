package ru.telecom.crm.incident.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.shared.SearchFilters;

/**
 * The incidents a caller's scope and filters select, as one condition: the lists, the
 * search across everything and the overview's counts ask the same, so that a count and
 * the list it links to agree.
 */
final class IncidentSpecification {

	private IncidentSpecification() {
	}

	/** The scope's incidents ({@code null}: all) that the search's filters match. */
	static Specification<Incident> of(IncidentSearch.Scope scope, IncidentSearch search) {
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
					.equal(root.get("priority"), search.priority())
					.contains(root.get("narrative"), search.text())
					.between(root.get("createdAt"), search.createdFrom(), search.createdTo());
				if (search.unassigned()) {
					filters.add(cb.isNull(root.get("assignee")));
				}
				if (search.open()) {
					filters.add(root.get("status").in(IncidentSearch.OPEN));
				}
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

}
