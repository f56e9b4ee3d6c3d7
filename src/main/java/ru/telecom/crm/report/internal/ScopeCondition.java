package ru.telecom.crm.report.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.incident.IncidentStatus;

/**
 * A caller's {@link IncidentSearch.Scope} as SQL over the incident table aliased
 * {@code i}: the same conditions the incident lists ask (assigned, queued, managed, or
 * opened from a request the caller's helpdesk side holds), so that a report counts what
 * the lists show.
 */
final class ScopeCondition {

	private ScopeCondition() {
	}

	/** The condition, its parameters added; {@code null} scope: everything. */
	static String of(IncidentSearch.Scope scope, MapSqlParameterSource parameters) {
		if (scope == null) {
			return "1 = 1";
		}
		List<String> visible = new ArrayList<>();
		if (!scope.assignees().isEmpty()) {
			visible.add("i.assignee in (:scopeAssignees)");
			parameters.addValue("scopeAssignees", scope.assignees());
		}
		if (!scope.queueWorkGroupIds().isEmpty()) {
			visible.add("(i.status = '" + IncidentStatus.NEW.name() + "' and i.work_group_id in (:scopeQueues))");
			parameters.addValue("scopeQueues", scope.queueWorkGroupIds());
		}
		if (!scope.managedWorkGroupIds().isEmpty()) {
			visible.add("i.work_group_id in (:scopeManaged)");
			parameters.addValue("scopeManaged", scope.managedWorkGroupIds());
		}
		List<String> owners = new ArrayList<>();
		if (!scope.requestAssignees().isEmpty()) {
			owners.add("r.assignee in (:scopeOwners)");
			parameters.addValue("scopeOwners", scope.requestAssignees());
		}
		if (scope.unassignedRequests()) {
			owners.add("r.assignee is null");
		}
		if (!owners.isEmpty()) {
			visible.add("i.service_request_id in (select r.id from service_request r where "
					+ String.join(" or ", owners) + ")");
		}
		return visible.isEmpty() ? "1 = 0" : "(" + String.join(" or ", visible) + ")";
	}

}
