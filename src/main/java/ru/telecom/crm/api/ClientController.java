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
import io.swagger.v3.oas.annotations.Operation;

import ru.telecom.crm.customer.ClientDetails;
import ru.telecom.crm.customer.ClientHit;
import ru.telecom.crm.customer.CustomerSearch;
import ru.telecom.crm.customer.HitPage;
import ru.telecom.crm.shared.KeyRaceRetry;
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

	private final CustomerSearch search;

	private final KeyRaceRetry keyRaceRetry;

	ClientController(AccessPolicy access, CustomerApi customers, CustomerSearch search, KeyRaceRetry keyRaceRetry) {
		this.access = access;
		this.customers = customers;
		this.search = search;
		this.keyRaceRetry = keyRaceRetry;
	}

	@GetMapping
	@Operation(summary = "List or search clients, ours and LegacyDB's",
			description = "With q: ours whose phone is q (written any common way) or whose name, organisation, "
					+ "email or phone digits contain it, by name; then LegacyDB's customers not copied yet "
					+ "(source LEGACY, id null, legacyId set), de-duplicated by legacy id and by phone. page and "
					+ "size count over both parts (ours fill the first pages). A LEGACY hit becomes ours with "
					+ "POST /api/clients/legacy/{legacyId}, or by opening a request with its phone "
					+ "(POST /api/service-requests, DESIGN §5). When LegacyDB is down the page holds ours only "
					+ "with legacyAvailable false; when we have none either, 503 (a missing client cannot be "
					+ "told from an outage). Without q: ours only.")
	HitPage<ClientHit> list(Authentication caller, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		this.access.caller(caller.getName()).requireReadsClients();
		return this.search.clients(q, page, size).answered();
	}

	@PostMapping("/legacy/{legacyId}")
	@Operation(summary = "Import a LegacyDB client",
			description = "Copies LegacyDB's customer legacyId into our database the first time (enriched: E.164 "
					+ "phone, split name), as an intake would (DESIGN §5), and answers our client; later calls "
					+ "answer the same client. 404 when LegacyDB has no such customer, 503 while it is down.")
	ClientView importLegacy(Authentication caller, @PathVariable long legacyId) {
		this.access.caller(caller.getName()).requireEditsClients();
		return this.keyRaceRetry.inNewTransaction(() -> this.customers.importLegacyClient(legacyId));
	}

	@GetMapping("/{id}/legacy-orders")
	@Operation(summary = "A client's LegacyDB orders not copied yet",
			description = "For a client copied from LegacyDB: its orders there that are not ours yet, oldest first "
					+ "(source LEGACY; POST /api/orders/legacy/{code} imports one). legacyAvailable false while "
					+ "LegacyDB is down.")
	CustomerSearch.LegacyOrders legacyOrders(Authentication caller, @PathVariable long id) {
		this.access.caller(caller.getName()).requireReadsClients();
		return this.search.legacyOrdersOf(id);
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
