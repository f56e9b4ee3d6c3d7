package ru.telecom.crm.console;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.telecom.crm.api.Access;
import ru.telecom.crm.api.AccessPolicy;
import ru.telecom.crm.api.Caller;
import ru.telecom.crm.api.Paging;
import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.ServiceView;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.shared.DomainException;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.status.StatusRecorder;

/**
 * Incidents: the list the caller may see (status, assignee, work group, service, period,
 * search, paging), one incident with its history and activity, and the transitions the
 * caller may make, through the incident's process.
 */
@Controller
class IncidentPages {

	private final AccessPolicy access;

	private final IncidentApi incidents;

	private final IncidentActions actions;

	private final StatusHistory history;

	private final CustomerApi customers;

	private final CatalogApi catalog;

	private final TasklistLinks tasklist;

	private final ClientNames names;

	IncidentPages(AccessPolicy access, IncidentApi incidents, IncidentActions actions, StatusHistory history,
			CustomerApi customers, CatalogApi catalog, TasklistLinks tasklist, ClientNames names) {
		this.access = access;
		this.incidents = incidents;
		this.actions = actions;
		this.history = history;
		this.customers = customers;
		this.catalog = catalog;
		this.tasklist = tasklist;
		this.names = names;
	}

	@GetMapping("/incidents")
	String list(Authentication user, @RequestParam(required = false) IncidentStatus status,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) Integer group,
			@RequestParam(required = false) Integer service, @RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String order, @RequestParam(defaultValue = "0") int page, Model model) {
		Caller caller = this.access.caller(user.getName());
		// an unknown service or group matches nothing
		Long serviceId = (service != null) ? this.catalog.findService(service).map(ServiceView::id).orElse(-1L) : null;
		Long groupId = (group != null) ? this.catalog.findWorkGroup(group).map(WorkGroupView::id).orElse(-1L) : null;
		var found = this.incidents.search(
				new IncidentSearch(this.access.incidentScope(caller), status, null, Text.clip(assignee, 100), serviceId,
						groupId, Text.clip(q, 200), ItemPaging.from(from), ItemPaging.to(to)),
				ItemPaging.page(page, order));
		model.addAttribute("incidents", found);
		model.addAttribute("clients", this.names.of(found.getContent().stream().map(IncidentView::clientId).toList()));
		model.addAttribute("statuses", IncidentStatus.values());
		model.addAttribute("groups", this.catalog.workGroups());
		model.addAttribute("services", this.catalog.activeServices());
		model.addAttribute("serviceNames", serviceNames());
		model.addAttribute("filter", new Filter(status, assignee, group, service, q, from, to, order));
		return "console/incidents";
	}

	@GetMapping("/incidents/{id}")
	String read(Authentication user, @PathVariable long id, Model model) {
		Caller caller = this.access.caller(user.getName());
		IncidentView incident = this.access.visibleIncident(caller, id);
		boolean full = this.access.toIncident(caller, incident) == Access.FULL;
		model.addAttribute("incident", incident);
		model.addAttribute("full", full);
		model.addAttribute("client", this.customers.findClient(incident.clientId()).orElse(null));
		model.addAttribute("service", this.catalog.findServiceById(incident.serviceId()).orElse(null));
		model.addAttribute("group", this.catalog.findWorkGroupById(incident.workGroupId()).orElse(null));
		model.addAttribute("statuses", this.history.ofIncident(id));
		model.addAttribute("activities", this.history.activitiesOf(StatusRecorder.EntityType.INCIDENT, id));
		model.addAttribute("targets", full ? targets(incident.status()) : List.of());
		model.addAttribute("task", (full && incident.status() != IncidentStatus.CLOSED)
				? this.tasklist.of(incident.processInstanceId()).orElse(null) : null);
		return "console/incident";
	}

	@PostMapping("/incidents/{id}/status")
	String setStatus(Authentication user, @PathVariable long id, @RequestParam IncidentStatus status,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String narrative,
			@RequestParam(required = false) String holdReason, RedirectAttributes redirect) {
		requireFull(user, id);
		try {
			this.actions.changeStatus(id, status, new TransitionDetails(Text.clip(assignee, 100),
					Text.clip(narrative, 8000), Text.clip(holdReason, 1000)));
			redirect.addFlashAttribute("notice", "saved");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/incidents/" + id;
	}

	@PostMapping("/incidents/{id}/unlink")
	String unlink(Authentication user, @PathVariable long id, RedirectAttributes redirect) {
		requireFull(user, id);
		try {
			this.actions.unlink(id);
			redirect.addFlashAttribute("notice", "saved");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/incidents/" + id;
	}

	/** Where the state machine lets an incident go from {@code status}. */
	static List<IncidentStatus> targets(IncidentStatus status) {
		return switch (status) {
			case NEW -> List.of(IncidentStatus.ASSIGNED, IncidentStatus.INWORK);
			case ASSIGNED -> List.of(IncidentStatus.INWORK, IncidentStatus.NEW);
			case INWORK -> List.of(IncidentStatus.ON_HOLD, IncidentStatus.CLOSED);
			case ON_HOLD -> List.of(IncidentStatus.INWORK, IncidentStatus.CLOSED);
			case CLOSED -> List.of();
		};
	}

	private Map<Long, String> serviceNames() {
		Map<Long, String> names = new HashMap<>();
		this.catalog.activeServices()
			.forEach((service) -> names.put(service.id(), service.code() + " " + service.name()));
		return names;
	}

	private void requireFull(Authentication user, long id) {
		Caller caller = this.access.caller(user.getName());
		Paging.requireFull(this.access.toIncident(caller, this.access.visibleIncident(caller, id)), "Incident", id);
	}

	/** The list's filters as the user set them. */
	record Filter(IncidentStatus status, String assignee, Integer group, Integer service, String q, LocalDate from,
			LocalDate to, String order) {
	}

}
