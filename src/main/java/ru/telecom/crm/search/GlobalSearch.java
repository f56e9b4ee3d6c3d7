package ru.telecom.crm.search;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.access.Caller;
import ru.telecom.crm.customer.ClientHit;
import ru.telecom.crm.customer.ClientView;
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.customer.CustomerSearch;
import ru.telecom.crm.customer.HitPage;
import ru.telecom.crm.customer.OrderHit;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.notes.NotesApi;
import ru.telecom.crm.notes.NotesApi.NotedItem;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.ItemQuery;
import ru.telecom.crm.status.StatusRecorder.EntityType;

/**
 * One query, every kind: a request or incident number ({@code 42}, {@code #42},
 * {@code №42}), a phone written any way, a client's name, an order code, or text of a
 * description, narrative or note. Requests and incidents are those of the caller's scope
 * (DESIGN §3: the same scope the lists use), each matched part asked on its own index,
 * all in one read-only transaction.
 */
@Service
public class GlobalSearch {

	/** At most this many hits of each kind. */
	public static final int TOP = 20;

	/** Text shorter than this is matched as a number, phone or code only. */
	static final int MIN_TEXT = 3;

	/** How many noted items a note's text brings in, before the scope filters them. */
	private static final int NOTED = 200;

	private static final HitPage<ClientHit> NO_CLIENTS = new HitPage<>(List.of(), 0, TOP, 0, true, true);

	private static final HitPage<OrderHit> NO_ORDERS = new HitPage<>(List.of(), 0, TOP, 0, true, true);

	private static final Pattern NUMBER = Pattern.compile("(?:#|№|no\\.?\\s*)?(\\d{1,18})",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private final AccessPolicy access;

	private final CustomerSearch customers;

	private final CustomerApi customerApi;

	private final ServiceRequestApi requests;

	private final IncidentApi incidents;

	private final NotesApi notes;

	GlobalSearch(AccessPolicy access, CustomerSearch customers, CustomerApi customerApi, ServiceRequestApi requests,
			IncidentApi incidents, NotesApi notes) {
		this.access = access;
		this.customers = customers;
		this.customerApi = customerApi;
		this.requests = requests;
		this.incidents = incidents;
		this.notes = notes;
	}

	/**
	 * @throws ru.telecom.crm.shared.ForbiddenException for a caller who is not staff
	 * @throws InvalidInputException for a query over 200 characters, or under 2 unless it
	 * is a number
	 */
	@Transactional(readOnly = true)
	public SearchResults find(Caller caller, String query) {
		caller.requireSearches();
		String q = (query != null) ? query.strip() : "";
		if (q.length() > 200 || (q.length() < 2 && number(q) == null)) {
			throw new InvalidInputException("q", "2 to 200 characters, or a number");
		}
		// one or two characters read no index and match nearly everything: a number only
		boolean text = q.length() >= MIN_TEXT;
		HitPage<ClientHit> clients = text ? this.customers.clients(q, 0, TOP) : NO_CLIENTS;
		HitPage<OrderHit> orders = text ? this.customers.orders(q, 0, TOP) : NO_ORDERS;
		Set<Long> clientIds = ours(clients.items().stream().map(ClientHit::id));
		Set<Long> orderIds = ours(orders.items().stream().map(OrderHit::id));
		Long number = number(q);
		List<NotedItem> noted = text ? this.notes.itemsNoted(q, NOTED) : List.of();
		List<ServiceRequestView> requests = this.requests.find(this.access.requestScope(caller),
				new ItemQuery(number, clientIds, orderIds, noted(noted, EntityType.SERVICE_REQUEST), text ? q : null),
				TOP);
		List<IncidentView> incidents = this.incidents.find(this.access.incidentScope(caller),
				new ItemQuery(number, clientIds, Set.of(), noted(noted, EntityType.INCIDENT), text ? q : null), TOP);
		Map<Long, String> names = names(requests, incidents);
		return new SearchResults(q,
				requests.stream()
					.map((r) -> new SearchResults.RequestHit(r.id(), r.createdAt(), r.status(), r.priority(),
							r.clientId(), names.get(r.clientId()), clip(r.description()), r.assignee()))
					.toList(),
				incidents.stream()
					.map((i) -> new SearchResults.IncidentHit(i.id(), i.createdAt(), i.status(), i.priority(),
							i.serviceRequestId(), i.clientId(), names.get(i.clientId()), clip(i.narrative()),
							i.assignee()))
					.toList(),
				clients.items(), orders.items(), clients.legacyAvailable() && orders.legacyAvailable());
	}

	/** The number the query is, if it is one. */
	static Long number(String q) {
		Matcher matcher = NUMBER.matcher(q.toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			return null;
		}
		return Long.parseLong(matcher.group(1));
	}

	private Map<Long, String> names(List<ServiceRequestView> requests, List<IncidentView> incidents) {
		Set<Long> ids = new HashSet<>();
		requests.stream().map(ServiceRequestView::clientId).filter((id) -> id != null).forEach(ids::add);
		incidents.forEach((incident) -> ids.add(incident.clientId()));
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.customerApi.findClients(ids)
			.stream()
			.collect(Collectors.toMap(ClientView::id, ClientView::displayName));
	}

	private static Set<Long> noted(List<NotedItem> noted, EntityType type) {
		return noted.stream().filter((item) -> item.type() == type).map(NotedItem::itemId).collect(Collectors.toSet());
	}

	private static Set<Long> ours(Stream<Long> ids) {
		return ids.filter((id) -> id != null).collect(Collectors.toSet());
	}

	private static String clip(String text) {
		return (text == null || text.length() <= 200) ? text : text.substring(0, 200) + "…";
	}

}
