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
import ru.telecom.crm.customer.CustomerApi;
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

	OrderController(AccessPolicy access, CustomerApi customers) {
		this.access = access;
		this.customers = customers;
	}

	@GetMapping
	PageResponse<OrderView> list(Authentication caller, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		this.access.caller(caller.getName()).requireReadsClients();
		return PageResponse.of(this.customers.searchOrders(q, PageResponse.request(page, size, Sort.by("code"))));
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
