package ru.telecom.crm.console;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.incident.EngineerChoices;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.notes.NotesApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.AssigneeFilter;
import ru.telecom.crm.shared.Failures;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.status.StatusRecorder;

/**
 * Incidents: the list the caller may see (status or only the open ones, assignee,
 * priority, work group, service, period, search, paging), one incident with its history
 * and activity, and the transitions the caller may make, through the incident's process.
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

	private final EngineerChoices engineers;

	IncidentPages(AccessPolicy access, IncidentApi incidents, IncidentActions actions, StatusHistory history,
			CustomerApi customers, CatalogApi catalog, TasklistLinks tasklist, ClientNames names, NotesApi notes,
			EngineerChoices engineers) {
		this.engineers = engineers;
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
			@RequestParam(required = false) String assignee, @RequestParam(required = false) Priority priority,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(required = false) Integer group,
			@RequestParam(required = false) Integer service, @RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String order, @RequestParam(defaultValue = "0") int page, Model model) {
		AssigneeFilter assigned = AssigneeFilter.of(Text.clip(assignee, 100), caller.id());
		var found = this.incidents.search(
				new IncidentSearch(this.access.incidentScope(caller), status, null, assigned.assignee(),
						this.catalog.serviceFilter(service), this.catalog.workGroupFilter(group), Text.clip(q, 200),
						ItemPaging.from(from), ItemPaging.to(to), assigned.unassigned(), priority, open),
				ItemPaging.page(page, order));
		List<ServiceView> services = this.catalog.activeServices();
		model.addAttribute("incidents", found);
		model.addAttribute("clients", this.names.of(found.getContent().stream().map(IncidentView::clientId).toList()));
		model.addAttribute("statuses", IncidentStatus.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("groups", this.catalog.workGroups());
		model.addAttribute("services", services);
		model.addAttribute("serviceNames",
				services.stream().collect(Collectors.toMap(ServiceView::id, (s) -> s.code() + " " + s.name())));
		model.addAttribute("filter", new Filter(status, assignee, priority, open, group, service, q, from, to, order));
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
		// the group's engineers with their open load, to assign or reassign (one count)
		boolean picks = full && incident.status() != IncidentStatus.CLOSED;
		model.addAttribute("engineers", (picks && model.getAttribute("group") instanceof WorkGroupView group)
				? this.engineers.ofGroup(group.groupId()) : List.of());
		model.addAttribute("mayReassign", picks && incident.status() != IncidentStatus.NEW);
		model.addAttribute("task", (full && incident.status() != IncidentStatus.CLOSED)
				? this.tasklist.of(incident.processInstanceId()).orElse(null) : null);
		model.addAttribute("mayChangePriority", picks);
		model.addAttribute("priorities", Priority.values());
		if (!model.containsAttribute("priorityForm")) {
			model.addAttribute("priorityForm", PriorityForm.of(incident.priority()));
		}
		return "console/incident";
	}

	/**
	 * Changes the incident's priority, saying why. Refused, the page comes back with the
	 * form as typed and the message on its field.
	 */
	@PostMapping("/incidents/{id}/priority")
	String changePriority(Caller caller, @PathVariable long id, @ModelAttribute("priorityForm") PriorityForm form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		requireFull(caller, id);
		try {
			this.actions.changePriority(id, form.chosen(), form.getReason());
			redirect.addFlashAttribute("notice", "priority-changed");
			return "redirect:/incidents/" + id;
		}
		catch (RuntimeException ex) {
			form.refused(Failures.meaningOf(ex).orElseThrow(() -> ex), model, response);
			return read(caller, id, model);
		}
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

	/** Gives the assigned incident to another engineer of its group; the task follows. */
	@PostMapping("/incidents/{id}/reassign")
	String reassign(Caller caller, @PathVariable long id, @RequestParam(required = false) String assignee,
			RedirectAttributes redirect) {
		requireFull(caller, id);
		boolean done = Outcome.of(redirect, "saved", () -> {
			this.actions.changeStatus(id, IncidentStatus.ASSIGNED,
					new TransitionDetails(Text.clip(assignee, 100), null, null));
			return Boolean.TRUE;
		}).isPresent();
		// an engineer who handed their incident on no longer sees it: back to the list
		return (done && !stillVisible(caller, id)) ? "redirect:/incidents" : "redirect:/incidents/" + id;
	}

	private boolean stillVisible(Caller caller, long id) {
		try {
			this.access.visibleIncident(caller, id);
			return true;
		}
		catch (NotFoundException gone) {
			return false;
		}
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
	record Filter(IncidentStatus status, String assignee, Priority priority, boolean open, Integer group,
			Integer service, String q, LocalDate from, LocalDate to, String order) {
	}

}
