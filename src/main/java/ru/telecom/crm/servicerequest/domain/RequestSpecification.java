package ru.telecom.crm.servicerequest.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.servicerequest.RequestSearch;
import ru.telecom.crm.shared.SearchFilters;

/**
 * The requests a caller's scope and filters select, as one condition: the lists, the
 * search across everything and the overview's counts ask the same, so that a count and
 * the list it links to agree.
 */
final class RequestSpecification {

	private RequestSpecification() {
	}

	/** The scope's requests ({@code null}: all) that the search's filters match. */
	static Specification<ServiceRequest> of(RequestSearch.Scope scope, RequestSearch search) {
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
					.equal(root.get("priority"), search.priority())
					.contains(root.get("description"), search.text())
					.between(root.get("createdAt"), search.createdFrom(), search.createdTo());
				if (search.unassigned()) {
					filters.add(cb.isNull(root.get("assignee")));
				}
				if (search.open()) {
					filters.add(root.get("status").in(RequestSearch.OPEN));
				}
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

}
