package ru.telecom.crm.console;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import ru.telecom.crm.customer.CustomerApi;

/**
 * The names of the clients a list page shows: one lookup by key per client of the page.
 */
@Component
class ClientNames {

	private final CustomerApi customers;

	ClientNames(CustomerApi customers) {
		this.customers = customers;
	}

	Map<Long, String> of(Collection<Long> clientIds) {
		Map<Long, String> names = new HashMap<>();
		this.customers.findClients(clientIds.stream().filter(Objects::nonNull).distinct().toList())
			.forEach((client) -> names.put(client.id(), client.displayName()));
		return names;
	}

}
