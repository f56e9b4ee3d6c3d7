package ru.telecom.crm.api;

import java.math.BigDecimal;
import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.telecom.crm.access.AccessPolicy;
import io.swagger.v3.oas.annotations.Operation;

import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.customer.CustomerSearch;
import ru.telecom.crm.customer.HitPage;
import ru.telecom.crm.customer.OrderHit;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.KeyRaceRetry;
import ru.telecom.crm.customer.NewOrder;
import ru.telecom.crm.customer.OrderView;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.PageResponse;

/** Orders: list and search by code or name, create for a client, read. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	private final AccessPolicy access;

	private final CustomerApi customers;

	private final CustomerSearch search;

	private final KeyRaceRetry keyRaceRetry;

	OrderController(AccessPolicy access, CustomerApi customers, CustomerSearch search, KeyRaceRetry keyRaceRetry) {
		this.access = access;
		this.customers = customers;
		this.search = search;
		this.keyRaceRetry = keyRaceRetry;
	}

	@GetMapping
	@Operation(summary = "List or search orders, ours and LegacyDB's",
			description = "With q: ours whose code or name contains it, newest first; then LegacyDB's not copied "
					+ "yet (source LEGACY, id and clientId null, legacyId the order number, legacyClientId its "
					+ "customer), de-duplicated by order code. page and size count over both parts. A LEGACY hit "
					+ "becomes ours (with its customer) by POST /api/orders/legacy/{code}, or by opening a request "
					+ "naming it (POST /api/service-requests). When LegacyDB is down the page holds ours only with "
					+ "legacyAvailable false; when we have none either, 503. Without q: ours only.")
	HitPage<OrderHit> list(Authentication caller, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		this.access.caller(caller.getName()).requireReadsClients();
		return this.search.orders(q, page, size).answered();
	}

	@PostMapping("/legacy/{code}")
	@Operation(summary = "Import a LegacyDB order",
			description = "Copies LegacyDB's order (and its customer, when not copied yet) into our database the "
					+ "first time and answers our order; later calls answer the same order. 404 when neither "
					+ "database has the code, 503 while LegacyDB is down.")
	OrderView importLegacy(Authentication caller, @PathVariable String code) {
		this.access.caller(caller.getName()).requireEditsClients();
		if (code.length() > 64) {
			throw new InvalidInputException("code", "at most 64 characters");
		}
		return this.keyRaceRetry.inNewTransaction(() -> this.customers.importLegacyOrder(code));
	}

	@GetMapping("/{id}")
	OrderView read(Authentication caller, @PathVariable long id) {
		this.access.caller(caller.getName()).requireReadsClients();
		return this.customers.findOrder(id).orElseThrow(() -> new NotFoundException("Order", id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<OrderView> create(Authentication caller, @Valid @RequestBody OrderBody body) {
		this.access.caller(caller.getName()).requireEditsClients();
		OrderView created = this.customers
			.createOrder(new NewOrder(body.clientId(), body.code(), body.name(), body.price()));
		return ResponseEntity.created(URI.create("/api/orders/" + created.id())).body(created);
	}

	/** An order made for a client. */
	record OrderBody(@NotNull @Positive Long clientId, @NotBlank @Size(max = 64) String code,
			@Size(max = 300) String name, BigDecimal price) {
	}

}
