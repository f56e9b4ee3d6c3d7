package ru.telecom.crm.console;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.access.Caller;
import ru.telecom.crm.incident.IncidentCounts;
import ru.telecom.crm.incident.IncidentOverview;
import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.servicerequest.RequestCounts;
import ru.telecom.crm.servicerequest.RequestOverview;
import ru.telecom.crm.servicerequest.RequestSearch;

/**
 * The managers' overview (DESIGN §7), where Grafana does not run: the open requests and
 * incidents of the manager's own scope counted by status, work group, service, assignee
 * and priority, the oldest of each, the oldest unassigned items and how long each
 * incident on hold has waited. Each count links to the list that shows those items: the
 * same scope and the same conditions. Five queries, however many items.
 */
@Controller
class OverviewPages {

	/**
	 * How many of the oldest unassigned items, and of the longest on hold, are listed.
	 */
	static final int SHORT_LIST = 10;

	private final AccessPolicy access;

	private final RequestOverview requests;

	private final IncidentOverview incidents;

	private final OverviewLines lines;

	private final Clock clock;

	OverviewPages(AccessPolicy access, RequestOverview requests, IncidentOverview incidents, OverviewLines lines,
			Clock clock) {
		this.access = access;
		this.requests = requests;
		this.incidents = incidents;
		this.lines = lines;
		this.clock = clock;
	}

	@GetMapping("/overview")
	String overview(Caller caller, Model model) {
		caller.requireOverseesWork();
		RequestSearch.Scope requestScope = this.access.requestScope(caller);
		IncidentSearch.Scope incidentScope = this.access.incidentScope(caller);
		RequestCounts requestCounts = this.requests.countOpen(requestScope);
		IncidentCounts incidentCounts = this.incidents.countOpen(incidentScope);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("requests", this.lines.ofRequests(requestCounts));
		model.addAttribute("incidents", this.lines.ofIncidents(incidentCounts));
		model.addAttribute("unassignedRequests", this.requests.oldestUnassigned(requestScope, SHORT_LIST));
		model.addAttribute("unassignedIncidents", this.incidents.oldestUnassigned(incidentScope, SHORT_LIST));
		model.addAttribute("onHold", this.incidents.longestOnHold(incidentScope, SHORT_LIST));
		return "console/overview";
	}

}
