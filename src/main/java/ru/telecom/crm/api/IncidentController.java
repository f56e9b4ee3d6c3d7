package ru.telecom.crm.api;

import ru.telecom.crm.access.Caller;

import ru.telecom.crm.access.AccessPolicy;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentSearch;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.shared.AssigneeFilter;
import ru.telecom.crm.shared.ListOrder;
import ru.telecom.crm.shared.PageResponse;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusHistory;

/** Incidents: what the caller may see, and the transitions the caller may make. */
@RestController
// one transaction per call: the access check, the change and the answer read one state
@Transactional
class IncidentController {

	private final AccessPolicy access;

	private final IncidentApi incidents;

	private final IncidentActions actions;

	private final StatusHistory history;

	private final CatalogApi catalog;

	IncidentController(AccessPolicy access, IncidentApi incidents, IncidentActions actions, StatusHistory history,
			CatalogApi catalog) {
		this.catalog = catalog;
		this.access = access;
		this.incidents = incidents;
		this.actions = actions;
		this.history = history;
	}

	/**
	 * Incidents the caller may see, by status, client, assignee, service (its code), work
	 * group (its code), text of the narrative and creation period.
	 */
	@GetMapping("/api/incidents")
	@Operation(summary = "Incidents the caller may see",
			description = "Filters by status, client, assignee, service (its code), work group (its code), text of "
					+ "the narrative and creation period. `sort`: `newest` (default), `oldest` (by opening time) "
					+ "or `priority` (the most urgent first, then the longest open).")
	PageResponse<IncidentView> list(Authentication caller, @RequestParam(required = false) IncidentStatus status,
			@RequestParam(required = false) Long clientId,
			@Parameter(description = ServiceRequestController.ASSIGNEE) @RequestParam(required = false) @Size(
					max = 100) String assignee,
			@RequestParam(required = false) Integer service, @RequestParam(required = false) Integer group,
			@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
			@Parameter(schema = @Schema(allowableValues = { "newest", "oldest", "priority" })) @RequestParam(
					required = false) String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		AssigneeFilter assigned = AssigneeFilter.of(assignee, caller.getName());
		IncidentSearch search = new IncidentSearch(this.access.incidentScope(this.access.caller(caller.getName())),
				status, clientId, assigned.assignee(), this.catalog.serviceFilter(service),
				this.catalog.workGroupFilter(group), q, createdFrom, createdTo, assigned.unassigned());
		return PageResponse.of(this.incidents.search(search, Paging.page(page, size, ListOrder.of(sort))));
	}

	/** A client's incidents, as far as the caller may see them. */
	@GetMapping("/api/clients/{clientId}/incidents")
	PageResponse<IncidentView> ofClient(Authentication caller, @PathVariable long clientId,
			@RequestParam(required = false) IncidentStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return list(caller, status, clientId, null, null, null, null, null, null, null, page, size);
	}

	@GetMapping("/api/incidents/{id}")
	IncidentView read(Authentication caller, @PathVariable long id) {
		return this.access.visibleIncident(this.access.caller(caller.getName()), id);
	}

	@GetMapping("/api/incidents/{id}/statuses")
	List<StatusEntry> statuses(Authentication caller, @PathVariable long id) {
		this.access.visibleIncident(this.access.caller(caller.getName()), id);
		return this.history.ofIncident(id);
	}

	/** Sets the status through the incident's process, as Tasklist would. */
	@PostMapping("/api/incidents/{id}/status")
	IncidentView setStatus(Authentication caller, @PathVariable long id, @Valid @RequestBody StatusBody body) {
		requireFull(caller, id);
		this.actions.changeStatus(id, body.status(),
				new TransitionDetails(body.assignee(), body.narrative(), body.holdReason()));
		return this.incidents.find(id).orElseThrow();
	}

	/** Lets the incident go of its request, which closes. */
	@PostMapping("/api/incidents/{id}/unlink")
	IncidentView unlink(Authentication caller, @PathVariable long id) {
		requireFull(caller, id);
		this.actions.unlink(id);
		return this.incidents.find(id).orElseThrow();
	}

	@PostMapping("/api/incidents/{id}/priority")
	@Operation(summary = "Changes the incident's priority",
			description = "For whoever may change the incident. `reason` is required (trimmed, at most 1000 "
					+ "characters). The change is an activity row of the incident (PRIORITY_CHANGED, "
					+ "\"NORMAL → HIGH: <reason>\"), and its open Tasklist task takes the priority. A closed "
					+ "incident, or the priority it already has, is a 409.")
	IncidentView changePriority(Authentication caller, @PathVariable long id, @Valid @RequestBody PriorityBody body) {
		requireFull(caller, id);
		this.actions.changePriority(id, body.priority(), body.reason());
		return this.incidents.find(id).orElseThrow();
	}

	private void requireFull(Authentication caller, long id) {
		Caller who = this.access.caller(caller.getName());
		Paging.requireFull(this.access.toIncident(who, this.access.visibleIncident(who, id)), "Incident", id);
	}

	/** A transition: the status, and what it needs (engineer, narrative, hold reason). */
	record StatusBody(@NotNull IncidentStatus status, @Size(max = 100) String assignee,
			@Size(max = 8000) String narrative, @Size(max = 1000) String holdReason) {
	}

}
