package ru.telecom.crm.customer.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.customer.ClientHit;
import ru.telecom.crm.customer.CustomerSearch;
import ru.telecom.crm.customer.HitPage;
import ru.telecom.crm.customer.HitSource;
import ru.telecom.crm.customer.OrderHit;
import ru.telecom.crm.legacy.LegacyCustomer;
import ru.telecom.crm.legacy.LegacyDb;
import ru.telecom.crm.legacy.LegacyOrder;
import ru.telecom.crm.legacy.LegacyUnavailableException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.PageResponse;
import ru.telecom.crm.shared.Phones;

@Service
class CustomerSearchService implements CustomerSearch {

	private final ClientRepository clients;

	private final ClientOrderRepository orders;

	private final LegacyDb legacy;

	private final Phones phones;

	CustomerSearchService(ClientRepository clients, ClientOrderRepository orders, LegacyDb legacy, Phones phones) {
		this.clients = clients;
		this.orders = orders;
		this.legacy = legacy;
		this.phones = phones;
	}

	@Override
	@Transactional(readOnly = true)
	public HitPage<ClientHit> clients(String query, int page, int size) {
		String q = checked(query);
		String phone = q.isEmpty() ? null : this.phones.normalizeOrNull(q);
		Page<ClientHit> ours = this.clients
			.findAll(CustomerService.clientsMatching(q, phone),
					PageResponse.request(page, size, Sort.by("lastName", "firstName", "id")))
			.map((client) -> ClientHit.of(client.view()));
		if (q.isEmpty()) {
			return merged(ours, new Legacy<>(List.of(), true, true), page, size);
		}
		return merged(ours, legacy(() -> legacyClients(q, phone)), page, size);
	}

	@Override
	@Transactional(readOnly = true)
	public HitPage<OrderHit> orders(String query, int page, int size) {
		String q = checked(query);
		Page<OrderHit> ours = this.orders
			.findAll(CustomerService.ordersMatching(q.toLowerCase(Locale.ROOT)),
					PageResponse.request(page, size, Sort.by(Sort.Order.desc("createdOn"), Sort.Order.desc("id"))))
			.map(CustomerSearchService::hit);
		if (q.isEmpty()) {
			return merged(ours, new Legacy<>(List.of(), true, true), page, size);
		}
		return merged(ours, legacy(() -> legacyOrders(this.legacy.searchOrders(q, LEGACY_CAP))), page, size);
	}

	@Override
	@Transactional(readOnly = true)
	public LegacyOrders legacyOrdersOf(long clientId) {
		Client client = this.clients.findById(clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
		if (client.getLegacyId() == null) {
			return new LegacyOrders(List.of(), true);
		}
		Legacy<OrderHit> found = legacy(() -> legacyOrders(this.legacy.findOrdersOf(client.getLegacyId())));
		return new LegacyOrders(found.hits(), found.available());
	}

	private List<ClientHit> legacyClients(String q, String phone) {
		List<LegacyCustomer> found = this.legacy.searchCustomers(q, phone, LEGACY_CAP);
		if (found.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = found.stream().map(LegacyCustomer::custId).collect(Collectors.toSet());
		Set<String> phones = found.stream()
			.map((customer) -> this.phones.normalizeOrNull(customer.phone()))
			.filter((number) -> number != null)
			.collect(Collectors.toSet());
		List<Client> ours = this.clients.findByLegacyIdInOrPhoneIn(ids, phones.isEmpty() ? Set.of("") : phones);
		Set<Long> copied = ours.stream()
			.map(Client::getLegacyId)
			.filter((id) -> id != null)
			.collect(Collectors.toSet());
		Set<String> ourPhones = ours.stream().map(Client::getPhone).collect(Collectors.toSet());
		List<ClientHit> hits = new ArrayList<>();
		for (LegacyCustomer customer : found) {
			String number = this.phones.normalizeOrNull(customer.phone());
			if (!copied.contains(customer.custId()) && (number == null || !ourPhones.contains(number))) {
				PersonName name = PersonName.split(customer.fullName());
				hits.add(new ClientHit(HitSource.LEGACY, null, customer.custId(), name.last(), name.first(),
						name.middle(), (number != null) ? number : customer.phone(), customer.email(), customer.inn(),
						customer.orgName(), null));
			}
		}
		return hits;
	}

	private List<OrderHit> legacyOrders(List<LegacyOrder> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		Set<String> codes = found.stream()
			.map((order) -> order.orderNo().toUpperCase(Locale.ROOT))
			.collect(Collectors.toSet());
		Set<String> ours = Set.copyOf(this.orders.codesIn(codes));
		return found.stream()
			.filter((order) -> !ours.contains(order.orderNo().toUpperCase(Locale.ROOT)))
			.map((order) -> new OrderHit(HitSource.LEGACY, null, order.orderNo(),
					order.orderNo().toUpperCase(Locale.ROOT), order.title(), order.amount(), order.created(), null,
					order.custId()))
			.toList();
	}

	private static OrderHit hit(ClientOrder order) {
		return new OrderHit(HitSource.OURS, order.getId(), order.getLegacyOrderNo(), order.getCode(), order.getName(),
				order.getPrice(), order.getCreatedOn(), order.getClientId(), null);
	}

	/** LegacyDB's hits; none and "not available" when it is down. */
	private static <T> Legacy<T> legacy(java.util.function.Supplier<List<T>> query) {
		try {
			List<T> hits = query.get();
			return new Legacy<>(hits, true, hits.size() < LEGACY_CAP);
		}
		catch (LegacyUnavailableException ex) {
			return new Legacy<>(List.of(), false, false);
		}
	}

	/** Ours first, then LegacyDB's, one page of both as one list. */
	static <T> HitPage<T> merged(Page<T> ours, Legacy<T> legacy, int page, int size) {
		List<T> items = new ArrayList<>(ours.getContent());
		long oursTotal = ours.getTotalElements();
		long from = Math.max(0, (long) page * size - oursTotal);
		for (long i = from; i < legacy.hits().size() && items.size() < size; i++) {
			items.add(legacy.hits().get((int) i));
		}
		return new HitPage<>(items, page, size, oursTotal + legacy.hits().size(), legacy.complete(),
				legacy.available());
	}

	private static String checked(String query) {
		String q = (query != null) ? query.strip() : "";
		if (q.length() > 200) {
			throw new InvalidInputException("q", "at most 200 characters");
		}
		return q;
	}

	/**
	 * LegacyDB's part: its hits, whether it answered, whether they are all it has.
	 */
	record Legacy<T>(List<T> hits, boolean available, boolean complete) {
	}

}
