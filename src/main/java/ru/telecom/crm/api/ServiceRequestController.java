package ru.telecom.crm.api;

import ru.telecom.crm.access.Caller;

import ru.telecom.crm.access.AccessPolicy;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.RequestSearch;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.AssigneeFilter;
import ru.telecom.crm.shared.ForbiddenException;
import ru.telecom.crm.shared.ListOrder;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.PageResponse;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusHistory;

/** Service requests: what the caller may see, and the actions the caller may take. */
@RestController
// one transaction per call: the access check, the change and the answer read one state
@Transactional
@RequestMapping("/api/service-requests")
class ServiceRequestController {

	/** The {@code assignee} filter of the request and incident lists. */
	static final String ASSIGNEE = "`me` for the caller's own, `none` for the unassigned ones (the queue's), or a user "
			+ "id; never more than the caller may see";

	private final AccessPolicy access;

	private final ServiceRequestApi requests;

	private final RequestActions actions;

	private final StatusHistory history;

	ServiceRequestController(AccessPolicy access, ServiceRequestApi requests, RequestActions actions,
			StatusHistory history) {
		this.access = access;
		this.requests = requests;
		this.actions = actions;
		this.history = history;
	}

	@GetMapping
	@Operation(summary = "Service requests the caller may see",
			description = "Filters by status, client, order, assignee, text of the description and creation period. "
					+ "`sort`: `newest` (default), `oldest` (by opening time) or `priority` (the most urgent "
					+ "first, then the longest open).")
	PageResponse<ServiceRequestView> list(Authentication caller, @RequestParam(required = false) RequestStatus status,
			@RequestParam(required = false) Long clientId,
			@Parameter(description = ASSIGNEE) @RequestParam(required = false) @Size(max = 100) String assignee,
			@RequestParam(required = false) Long orderId, @RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
			@Parameter(schema = @Schema(allowableValues = { "newest", "oldest", "priority" })) @RequestParam(
					required = false) String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		AssigneeFilter assigned = AssigneeFilter.of(assignee, caller.getName());
		RequestSearch search = new RequestSearch(this.access.requestScope(this.access.caller(caller.getName())), status,
				clientId, assigned.assignee(), orderId, q, createdFrom, createdTo, assigned.unassigned());
		return PageResponse.of(this.requests.search(search, Paging.page(page, size, ListOrder.of(sort))));
	}

	@GetMapping("/{id}")
	ServiceRequestView read(Authentication caller, @PathVariable long id) {
		return this.access.visibleRequest(this.access.caller(caller.getName()), id);
	}

	@GetMapping("/{id}/statuses")
	List<StatusEntry> statuses(Authentication caller, @PathVariable long id) {
		this.access.visibleRequest(this.access.caller(caller.getName()), id);
		return this.history.ofServiceRequest(id);
	}

	/**
	 * An agent on the phone opens a request; the lookup of DESIGN §5 runs now. An
	 * administrator may too, and the request is then theirs as an agent's would be.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	// no transaction around it: the intake runs in one of its own (retried when it loses
	// a
	// race on a new client's phone), and a call that held a connection while it waited
	// for
	// that transaction's could stop the pool (ConnectionPoolIntegrationTests)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	ResponseEntity<ServiceRequestView> open(Authentication caller, @Valid @RequestBody OpenRequestBody body) {
		if (!this.access.caller(caller.getName()).opensRequests()) {
			throw new ForbiddenException("Only the helpdesk and administrators open service requests");
		}
		ServiceRequestView opened = this.actions
			.open(new OpenRequest(body.party(), body.description(), body.priority()));
		return ResponseEntity.created(URI.create("/api/service-requests/" + opened.id())).body(opened);
	}

	@PostMapping("/{id}/incident")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<IncidentView> openIncident(Authentication caller, @PathVariable long id,
			@Valid @RequestBody OpenIncidentBody body) {
		requireFull(caller, id);
		IncidentView incident = this.actions.openIncident(id, body.serviceCode());
		return ResponseEntity.created(URI.create("/api/incidents/" + incident.id())).body(incident);
	}

	/**
	 * Closes the request without an incident. The body is optional, so that clients that
	 * send none keep working; when sent, its {@code reason} must be said (not blank, at
	 * most 1000 characters) and is kept as the request's activity.
	 */
	@PostMapping("/{id}/close")
	ServiceRequestView close(Authentication caller, @PathVariable long id,
			@Valid @RequestBody(required = false) CloseBody body) {
		requireFull(caller, id);
		this.actions.closeWithoutIncident(id, (body != null) ? body.reason() : null);
		return this.requests.find(id).orElseThrow();
	}

	@PostMapping("/{id}/priority")
	@Operation(summary = "Changes the request's priority",
			description = "For whoever may change the request. `reason` is required (trimmed, at most 1000 "
					+ "characters). The change is an activity row of the request (PRIORITY_CHANGED, "
					+ "\"NORMAL → HIGH: <reason>\"); its open Tasklist task takes the priority, and its linked open "
					+ "incident follows with a row of its own. A closed request, or the priority it already has, is "
					+ "a 409.")
	ServiceRequestView changePriority(Authentication caller, @PathVariable long id,
			@Valid @RequestBody PriorityBody body) {
		requireFull(caller, id);
		this.actions.changePriority(id, body.priority(), body.reason());
		return this.requests.find(id).orElseThrow();
	}

	private void requireFull(Authentication caller, long id) {
		Caller who = this.access.caller(caller.getName());
		Paging.requireFull(this.access.toRequest(who, this.access.visibleRequest(who, id)), "Service request", id);
	}

	/** What an agent types to open a request. */
	record OpenRequestBody(@Positive Long clientId, @Size(max = 32) String clientPhone,
			@Size(max = 100) String clientLastName, @Size(max = 100) String clientFirstName,
			@Size(max = 100) String clientMiddleName, @Size(max = 254) String clientEmail,
			@NotBlank @Size(max = 64) String orderCode, @Size(max = 300) String orderName,
			@Size(max = 4000) String description, Priority priority) {

		IntakeParty party() {
			return new IntakeParty(this.clientId, this.clientPhone, this.clientLastName, this.clientFirstName,
					this.clientMiddleName, this.clientEmail, this.orderCode, this.orderName);
		}

	}

	/** The service an incident is opened for. */
	record OpenIncidentBody(@NotNull @Positive Integer serviceCode) {
	}

	/** Why the request is closed without an incident. */
	record CloseBody(@NotBlank @Size(max = 1000) String reason) {
	}

}
