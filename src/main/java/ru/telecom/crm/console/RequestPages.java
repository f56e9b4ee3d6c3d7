package ru.telecom.crm.console;

import java.time.LocalDate;
import java.util.Set;

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
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.notes.NotesApi;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.RequestSearch;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestProcess.Decision;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.AssigneeFilter;
import ru.telecom.crm.shared.Failures;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.status.StatusRecorder;

/**
 * Service requests: the list the caller may see (filters, search, period, paging), one
 * request with its status history and activity, and the actions the caller may take.
 */
@Controller
class RequestPages {

	private final AccessPolicy access;

	private final ServiceRequestApi requests;

	private final RequestActions actions;

	private final IncidentApi incidents;

	private final StatusHistory history;

	private final CustomerApi customers;

	private final CatalogApi catalog;

	private final TasklistLinks tasklist;

	private final ClientNames names;

	private final NotesApi notes;

	RequestPages(AccessPolicy access, ServiceRequestApi requests, RequestActions actions, IncidentApi incidents,
			StatusHistory history, CustomerApi customers, CatalogApi catalog, TasklistLinks tasklist, ClientNames names,
			NotesApi notes) {
		this.names = names;
		this.notes = notes;
		this.access = access;
		this.requests = requests;
		this.actions = actions;
		this.incidents = incidents;
		this.history = history;
		this.customers = customers;
		this.catalog = catalog;
		this.tasklist = tasklist;
	}

	/**
	 * Where a user lands, and after signing in: agents on their own requests, engineers
	 * on their own incidents, managers and administrators on the overview of their scope.
	 */
	@GetMapping("/")
	String home(Caller caller) {
		return switch (caller.worklist()) {
			case OWN_REQUESTS -> "redirect:/requests?assignee=" + AssigneeFilter.ME;
			case OWN_INCIDENTS -> "redirect:/incidents?assignee=" + AssigneeFilter.ME;
			case OVERVIEW -> "redirect:/overview";
			case EVERYTHING -> "redirect:/requests";
		};
	}

	@GetMapping("/requests")
	String list(Caller caller, @RequestParam(required = false) RequestStatus status,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) Priority priority,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String order, @RequestParam(defaultValue = "0") int page, Model model) {
		AssigneeFilter assigned = AssigneeFilter.of(Text.clip(assignee, 100), caller.id());
		var found = this.requests
			.search(new RequestSearch(this.access.requestScope(caller), status, null, assigned.assignee(), null,
					Text.clip(q, 200), ItemPaging.from(from), ItemPaging.to(to), assigned.unassigned(), priority, open),
					ItemPaging.page(page, order));
		model.addAttribute("requests", found);
		model.addAttribute("clients",
				this.names.of(found.getContent().stream().map(ServiceRequestView::clientId).toList()));
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("filter", new Filter(status, assignee, priority, open, q, from, to, order));
		return "console/requests";
	}

	@GetMapping("/requests/{id}")
	String read(Caller caller, @PathVariable long id, Model model) {
		ServiceRequestView request = this.access.visibleRequest(caller, id);
		boolean full = this.access.toRequest(caller, request) == Access.FULL;
		model.addAttribute("request", request);
		model.addAttribute("full", full);
		model.addAttribute("client",
				(request.clientId() != null) ? this.customers.findClient(request.clientId()).orElse(null) : null);
		model.addAttribute("order",
				(request.orderId() != null) ? this.customers.findOrder(request.orderId()).orElse(null) : null);
		model.addAttribute("incident", this.incidents.findByServiceRequest(id).orElse(null));
		model.addAttribute("statuses", this.history.ofServiceRequest(id));
		model.addAttribute("activities", this.history.activitiesOf(StatusRecorder.EntityType.SERVICE_REQUEST, id));
		model.addAttribute("services", this.catalog.activeServices());
		model.addAttribute("notes", this.notes.notesOf(StatusRecorder.EntityType.SERVICE_REQUEST, id));
		model.addAttribute("attachments", this.notes.attachmentsOf(StatusRecorder.EntityType.SERVICE_REQUEST, id));
		// what the transition table lets it take at the task its process waits at
		Set<Decision> decisions = full ? this.actions.nextDecisions(id) : Set.of();
		model.addAttribute("mayOpenIncident", decisions.contains(Decision.OPEN_INCIDENT));
		model.addAttribute("mayClose", decisions.contains(Decision.CLOSE));
		model.addAttribute("task", (full && request.status() != RequestStatus.CLOSED)
				? this.tasklist.of(request.processInstanceId()).orElse(null) : null);
		model.addAttribute("mayChangePriority", full && request.status() != RequestStatus.CLOSED);
		model.addAttribute("priorities", Priority.values());
		if (!model.containsAttribute("priorityForm")) {
			model.addAttribute("priorityForm", PriorityForm.of(request.priority()));
		}
		return "console/request";
	}

	/**
	 * Changes the request's priority, saying why; its open incident follows. Refused, the
	 * page comes back with the form as typed and the message on its field.
	 */
	@PostMapping("/requests/{id}/priority")
	String changePriority(Caller caller, @PathVariable long id, @ModelAttribute("priorityForm") PriorityForm form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		requireFull(caller, id);
		try {
			this.actions.changePriority(id, form.chosen(), form.getReason());
			redirect.addFlashAttribute("notice", "priority-changed");
			return "redirect:/requests/" + id;
		}
		catch (RuntimeException ex) {
			form.refused(Failures.meaningOf(ex).orElseThrow(() -> ex), model, response);
			return read(caller, id, model);
		}
	}

	@PostMapping("/requests/{id}/incident")
	String openIncident(Caller caller, @PathVariable long id, @RequestParam(required = false) Integer serviceCode,
			RedirectAttributes redirect) {
		requireFull(caller, id);
		if (serviceCode == null) {
			// no service is chosen for the agent: the empty first option says so
			redirect.addFlashAttribute("serviceError", true);
			return "redirect:/requests/" + id + "#serviceCode";
		}
		return Outcome.of(redirect, "incident-opened", () -> this.actions.openIncident(id, serviceCode))
			.map((incident) -> "redirect:/incidents/" + incident.id())
			.orElse("redirect:/requests/" + id);
	}

	/** Closing without an incident asks why; without a reason nothing closes. */
	@PostMapping("/requests/{id}/close")
	String close(Caller caller, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		requireFull(caller, id);
		if (reason == null || reason.isBlank()) {
			redirect.addFlashAttribute("closeError", true);
			return "redirect:/requests/" + id + "#close-request";
		}
		Outcome.run(redirect, "closed", () -> this.actions.closeWithoutIncident(id, Text.clip(reason, 1000)));
		return "redirect:/requests/" + id;
	}

	private void requireFull(Caller caller, long id) {
		Paging.requireFull(this.access.toRequest(caller, this.access.visibleRequest(caller, id)), "Service request",
				id);
	}

	/** The list's filters as the user set them. */
	record Filter(RequestStatus status, String assignee, Priority priority, boolean open, String q, LocalDate from,
			LocalDate to, String order) {
	}

}
