package ru.telecom.crm.console;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.telecom.crm.access.Access;
import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.access.Caller;
import ru.telecom.crm.api.Paging;
import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.ServiceView;
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.notes.NotesApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.NotFoundException;
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

	private final NotesApi notes;

	IncidentPages(AccessPolicy access, IncidentApi incidents, IncidentActions actions, StatusHistory history,
			CustomerApi customers, CatalogApi catalog, TasklistLinks tasklist, ClientNames names, NotesApi notes) {
		this.notes = notes;
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
	String list(Caller caller, @RequestParam(required = false) IncidentStatus status,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) Integer group,
			@RequestParam(required = false) Integer service, @RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String order, @RequestParam(defaultValue = "0") int page, Model model) {
		var found = this.incidents.search(new IncidentSearch(this.access.incidentScope(caller), status, null,
				Text.clip(assignee, 100), this.catalog.serviceFilter(service), this.catalog.workGroupFilter(group),
				Text.clip(q, 200), ItemPaging.from(from), ItemPaging.to(to)), ItemPaging.page(page, order));
		List<ServiceView> services = this.catalog.activeServices();
		model.addAttribute("incidents", found);
		model.addAttribute("clients", this.names.of(found.getContent().stream().map(IncidentView::clientId).toList()));
		model.addAttribute("statuses", IncidentStatus.values());
		model.addAttribute("groups", this.catalog.workGroups());
		model.addAttribute("services", services);
		model.addAttribute("serviceNames",
				services.stream().collect(Collectors.toMap(ServiceView::id, (s) -> s.code() + " " + s.name())));
		model.addAttribute("filter", new Filter(status, assignee, group, service, q, from, to, order));
		return "console/incidents";
	}

	@GetMapping("/incidents/{id}")
	String read(Caller caller, @PathVariable long id, Model model) {
		IncidentView incident = this.access.visibleIncident(caller, id);
		boolean full = this.access.toIncident(caller, incident) == Access.FULL;
		model.addAttribute("incident", incident);
		model.addAttribute("full", full);
		model.addAttribute("client", this.customers.findClient(incident.clientId()).orElse(null));
		model.addAttribute("service", this.catalog.findServiceById(incident.serviceId()).orElse(null));
		model.addAttribute("group", this.catalog.findWorkGroupById(incident.workGroupId()).orElse(null));
		model.addAttribute("statuses", this.history.ofIncident(id));
		model.addAttribute("activities", this.history.activitiesOf(StatusRecorder.EntityType.INCIDENT, id));
		model.addAttribute("notes", this.notes.notesOf(StatusRecorder.EntityType.INCIDENT, id));
		model.addAttribute("attachments", this.notes.attachmentsOf(StatusRecorder.EntityType.INCIDENT, id));
		// the engineer reads what the client reported and the request's notes (DESIGN
		// §13)
		ServiceRequestView request = requestOf(caller, incident);
		model.addAttribute("origin", request);
		model.addAttribute("originNotes", (request != null)
				? this.notes.notesOf(StatusRecorder.EntityType.SERVICE_REQUEST, request.id()) : List.of());
		model.addAttribute("targets", full ? this.actions.nextStatuses(id) : List.of());
		model.addAttribute("task", (full && incident.status() != IncidentStatus.CLOSED)
				? this.tasklist.of(incident.processInstanceId()).orElse(null) : null);
		return "console/incident";
	}

	@PostMapping("/incidents/{id}/status")
	String setStatus(Caller caller, @PathVariable long id, @RequestParam IncidentStatus status,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String narrative,
			@RequestParam(required = false) String holdReason, RedirectAttributes redirect) {
		requireFull(caller, id);
		Outcome.run(redirect, "saved",
				() -> this.actions.changeStatus(id, status, new TransitionDetails(Text.clip(assignee, 100),
						Text.clip(narrative, 8000), Text.clip(holdReason, 1000))));
		return "redirect:/incidents/" + id;
	}

	@PostMapping("/incidents/{id}/unlink")
	String unlink(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
		requireFull(caller, id);
		Outcome.run(redirect, "saved", () -> this.actions.unlink(id));
		return "redirect:/incidents/" + id;
	}

	/** The incident's request, if the caller may read it. */
	private ServiceRequestView requestOf(Caller caller, IncidentView incident) {
		try {
			return this.access.visibleRequest(caller, incident.serviceRequestId());
		}
		catch (NotFoundException hidden) {
			return null;
		}
	}

	private void requireFull(Caller caller, long id) {
		Paging.requireFull(this.access.toIncident(caller, this.access.visibleIncident(caller, id)), "Incident", id);
	}

	/** The list's filters as the user set them. */
	record Filter(IncidentStatus status, String assignee, Integer group, Integer service, String q, LocalDate from,
			LocalDate to, String order) {
	}

}
