package ru.telecom.crm.api;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.customer.ClientDetails;
import ru.telecom.crm.customer.ClientView;
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.customer.OrderView;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.PageResponse;

/**
 * Clients: list and search by name or phone, create, read, edit; a client's orders. Who
 * may is the access policy's question (all staff read, the helpdesk and administrators
 * edit), asked of the caller as the directory knows them.
 */
@RestController
@RequestMapping("/api/clients")
class ClientController {

	private final AccessPolicy access;

	private final CustomerApi customers;

	ClientController(AccessPolicy access, CustomerApi customers) {
		this.access = access;
		this.customers = customers;
	}

	@GetMapping
	PageResponse<ClientView> list(Authentication caller, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		this.access.caller(caller.getName()).requireReadsClients();
		return PageResponse.of(this.customers.searchClients(q,
				PageResponse.request(page, size, Sort.by("lastName", "firstName", "id"))));
	}

	@GetMapping("/{id}")
	ClientView read(Authentication caller, @PathVariable long id) {
		this.access.caller(caller.getName()).requireReadsClients();
		return this.customers.findClient(id).orElseThrow(() -> new NotFoundException("Client", id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<ClientView> create(Authentication caller, @Valid @RequestBody ClientBody body) {
		this.access.caller(caller.getName()).requireEditsClients();
		ClientView created = this.customers.createClient(body.details());
		return ResponseEntity.created(URI.create("/api/clients/" + created.id())).body(created);
	}

	/**
	 * Edits a client; with {@code version} as read, a concurrent change is a conflict.
	 */
	@PutMapping("/{id}")
	ClientView update(Authentication caller, @PathVariable long id, @Valid @RequestBody ClientBody body) {
		this.access.caller(caller.getName()).requireEditsClients();
		return this.customers.updateClient(id, body.details(), body.version());
	}

	@GetMapping("/{id}/orders")
	PageResponse<OrderView> orders(Authentication caller, @PathVariable long id,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		this.access.caller(caller.getName()).requireReadsClients();
		return PageResponse.of(this.customers.ordersOf(id,
				PageResponse.request(page, size, Sort.by(Sort.Order.desc("createdOn"), Sort.Order.desc("id")))));
	}

	/** A client as the API takes it. */
	record ClientBody(@Size(max = 100) String lastName, @Size(max = 100) String firstName,
			@Size(max = 100) String middleName, @Size(max = 32) String phone, @Size(max = 254) String email,
			@Size(max = 20) String inn, @Size(max = 300) String orgName, Integer version) {

		ClientDetails details() {
			return new ClientDetails(this.lastName, this.firstName, this.middleName, this.phone, this.email, this.inn,
					this.orgName);
		}

	}

}
