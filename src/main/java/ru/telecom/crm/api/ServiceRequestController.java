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
import ru.telecom.crm.shared.ForbiddenException;
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
	PageResponse<ServiceRequestView> list(Authentication caller, @RequestParam(required = false) RequestStatus status,
			@RequestParam(required = false) Long clientId, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) Long orderId, @RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		RequestSearch search = new RequestSearch(this.access.requestScope(this.access.caller(caller.getName())), status,
				clientId, assignee, orderId, q, createdFrom, createdTo);
		return PageResponse.of(this.requests.search(search, Paging.page(page, size)));
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

	@PostMapping("/{id}/close")
	ServiceRequestView close(Authentication caller, @PathVariable long id) {
		requireFull(caller, id);
		this.actions.closeWithoutIncident(id);
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

}
