package ru.telecom.crm.customer.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.customer.ClientDetails;
import ru.telecom.crm.customer.ClientView;
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.customer.IntakeResolution;
import ru.telecom.crm.customer.IntakeResolution.Source;
import ru.telecom.crm.customer.NewOrder;
import ru.telecom.crm.customer.OrderOfAnotherClientException;
import ru.telecom.crm.customer.OrderView;
import ru.telecom.crm.legacy.LegacyCustomer;
import ru.telecom.crm.legacy.LegacyDb;
import ru.telecom.crm.legacy.LegacyOrder;
import ru.telecom.crm.legacy.LegacyUnavailableException;
import ru.telecom.crm.shared.ConflictException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.Phones;
import ru.telecom.crm.shared.SearchFilters;

@Service
class CustomerService implements CustomerApi {

	private static final Logger log = LoggerFactory.getLogger(CustomerService.class);

	private final ClientRepository clients;

	private final ClientOrderRepository orders;

	private final LegacyDb legacy;

	private final Phones phones;

	private final Clock clock;

	CustomerService(ClientRepository clients, ClientOrderRepository orders, LegacyDb legacy, Phones phones,
			Clock clock) {
		this.clients = clients;
		this.orders = orders;
		this.legacy = legacy;
		this.phones = phones;
		this.clock = clock;
	}

	@Override
	@Transactional
	public IntakeResolution resolve(IntakeParty party) {
		Intake intake = Intake.validate(party, this.phones);
		Found<Client> client = findOrMakeClient(intake);
		Found<ClientOrder> order = findOrMakeOrder(intake, client.item());
		return new IntakeResolution(client.item().getId(), order.item().getId(), client.source(), order.source());
	}

	@Override
	// an outage is an answer here, not a reason to doom the caller's transaction
	@Transactional(readOnly = true, noRollbackFor = LegacyUnavailableException.class)
	public Optional<String> existingOrderCode(List<String> codes) {
		List<String> upper = codes.stream().map((code) -> code.strip().toUpperCase(Locale.ROOT)).distinct().toList();
		for (String code : upper) {
			if (this.orders.existsByCode(code)) {
				return Optional.of(code);
			}
		}
		// only now LegacyDB: a code of ours is answered even while it is down
		return upper.stream().filter((code) -> this.legacy.findOrder(code).isPresent()).findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ClientView> findClient(long id) {
		return this.clients.findById(id).map(Client::view);
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.List<ClientView> findClients(java.util.Collection<Long> ids) {
		return this.clients.findAllById(ids).stream().map(Client::view).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OrderView> findOrder(long id) {
		return this.orders.findById(id).map(ClientOrder::view);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ClientView> searchClients(String query, Pageable page) {
		String q = (query != null) ? query.strip() : "";
		if (q.length() > 200) {
			throw new InvalidInputException("q", "at most 200 characters");
		}
		String phone = q.isEmpty() ? null : this.phones.normalizeOrNull(q);
		Specification<Client> where = clientsMatching(q, phone);
		return this.clients.findAll(where, page).map(Client::view);
	}

	@Override
	@Transactional
	public ClientView createClient(ClientDetails details) {
		Checked checked = Checked.of(details, this.phones);
		this.clients.findByPhone(checked.phone()).ifPresent((other) -> {
			throw new ConflictException("Phone " + checked.phone() + " is already client " + other.getId() + "'s");
		});
		return this.clients
			.saveAndFlush(new Client(checked.name(), checked.phone(), checked.email(), checked.inn(), checked.orgName(),
					null, now()))
			.view();
	}

	@Override
	@Transactional
	public ClientView updateClient(long id, ClientDetails details, Integer version) {
		Client client = this.clients.findById(id).orElseThrow(() -> new NotFoundException("Client", id));
		if (version != null && version != client.getVersion()) {
			throw new ConflictException("Client " + id + " was changed by someone else; read it again");
		}
		Checked checked = Checked.of(details, this.phones);
		this.clients.findByPhone(checked.phone())
			.filter((other) -> !other.getId().equals(client.getId()))
			.ifPresent((other) -> {
				throw new ConflictException("Phone " + checked.phone() + " is already client " + other.getId() + "'s");
			});
		client.update(checked.name(), checked.phone(), checked.email(), checked.inn(), checked.orgName(), now());
		return this.clients.saveAndFlush(client).view();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<OrderView> ordersOf(long clientId, Pageable page) {
		if (!this.clients.existsById(clientId)) {
			throw new NotFoundException("Client", clientId);
		}
		return this.orders.findByClientId(clientId, page).map(ClientOrder::view);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<OrderView> searchOrders(String query, Pageable page) {
		String q = (query != null) ? query.strip().toLowerCase(Locale.ROOT) : "";
		if (q.length() > 200) {
			throw new InvalidInputException("q", "at most 200 characters");
		}
		Specification<ClientOrder> where = ordersMatching(q);
		return this.orders.findAll(where, page).map(ClientOrder::view);
	}

	@Override
	@Transactional
	public OrderView createOrder(NewOrder order) {
		Map<String, String> errors = new LinkedHashMap<>();
		String code = ContactRules.orderCode(order.code(), "code", errors);
		String name = ContactRules.text(order.name(), 300, "name", errors);
		if (order.price() != null && (order.price().signum() < 0 || order.price().scale() > 2
				|| order.price().precision() - order.price().scale() > 13)) {
			errors.put("price", "a non-negative amount with at most two decimals");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The order has invalid fields", errors);
		}
		Client client = this.clients.findById(order.clientId())
			.orElseThrow(() -> new InvalidInputException("clientId", "no client " + order.clientId()));
		if (this.orders.findByCode(code).isPresent() || this.legacy.findOrder(code).isPresent()) {
			throw new ConflictException("Order code " + code + " is taken");
		}
		return this.orders
			.saveAndFlush(new ClientOrder(code, name, order.price(), today(), client.getId(), null, now()))
			.view();
	}

	@Override
	@Transactional
	public ClientView importLegacyClient(long legacyId) {
		return copied(legacyId).view();
	}

	@Override
	@Transactional
	public OrderView importLegacyOrder(String code) {
		String upper = (code != null) ? code.strip().toUpperCase(Locale.ROOT) : "";
		Optional<ClientOrder> ours = this.orders.findByCode(upper);
		if (ours.isPresent()) {
			return ours.get().view();
		}
		LegacyOrder order = this.legacy.findOrder(upper)
			.orElseThrow(() -> new NotFoundException("LegacyDB order", upper));
		Client client = copied(order.custId());
		LocalDate createdOn = (order.created() != null) ? order.created() : today();
		return save(new ClientOrder(upper, trimmed(order.title(), 300), order.amount(), createdOn, client.getId(),
				order.orderNo(), now()))
			.view();
	}

	/**
	 * Our client for LegacyDB's customer: the copy made before, or the client of ours
	 * with the same phone (linked now), or a copy made now.
	 */
	private Client copied(long legacyId) {
		Optional<Client> copy = this.clients.findByLegacyId(legacyId);
		if (copy.isPresent()) {
			return copy.get();
		}
		LegacyCustomer customer = this.legacy.findCustomer(legacyId)
			.orElseThrow(() -> new NotFoundException("LegacyDB client", legacyId));
		String phone = this.phones.normalizeOrNull(customer.phone());
		if (phone == null) {
			throw new ConflictException("LegacyDB client " + legacyId + " has no phone we can use (" + customer.phone()
					+ "); create the client with the right phone instead");
		}
		Optional<Client> samePhone = this.clients.findByPhone(phone);
		if (samePhone.isPresent()) {
			if (samePhone.get().getLegacyId() == null) {
				samePhone.get().linkToLegacy(legacyId, now());
			}
			return samePhone.get();
		}
		return save(copyOf(customer, phone));
	}

	private Found<Client> findOrMakeClient(Intake intake) {
		if (intake.clientId() != null) {
			return this.clients.findById(intake.clientId())
				.map((client) -> new Found<>(client, Source.OURS))
				.orElseThrow(() -> new InvalidInputException("clientId", "no client " + intake.clientId()));
		}
		Optional<Client> ours = this.clients.findByPhone(intake.phone());
		if (ours.isPresent()) {
			return new Found<>(ours.get(), Source.OURS);
		}
		Optional<LegacyCustomer> legacy = this.legacy.findCustomerByPhone(intake.phone());
		if (legacy.isPresent()) {
			// copied before under another phone: the one we have is the client
			Optional<Client> copied = this.clients.findByLegacyId(legacy.get().custId());
			if (copied.isPresent()) {
				return new Found<>(copied.get(), Source.OURS);
			}
			return new Found<>(save(copyOf(legacy.get(), intake.phone())), Source.LEGACY);
		}
		Client created = new Client(intake.name(), intake.phone(), intake.email(), null, null, null, now());
		return new Found<>(save(created), Source.CREATED);
	}

	private Found<ClientOrder> findOrMakeOrder(Intake intake, Client client) {
		Optional<ClientOrder> ours = this.orders.findByCode(intake.orderCode());
		if (ours.isPresent()) {
			if (!ours.get().belongsTo(client)) {
				throw new OrderOfAnotherClientException(intake.orderCode());
			}
			return new Found<>(ours.get(), Source.OURS);
		}
		Optional<LegacyOrder> legacy = this.legacy.findOrder(intake.orderCode());
		if (legacy.isPresent()) {
			LegacyOrder order = legacy.get();
			if (!isLegacyOwner(client, order.custId())) {
				throw new OrderOfAnotherClientException(intake.orderCode());
			}
			if (client.getLegacyId() == null && this.clients.findByLegacyId(order.custId()).isEmpty()) {
				client.linkToLegacy(order.custId(), now());
			}
			LocalDate createdOn = (order.created() != null) ? order.created() : today();
			ClientOrder copy = new ClientOrder(intake.orderCode(), trimmed(order.title(), 300), order.amount(),
					createdOn, client.getId(), order.orderNo(), now());
			return new Found<>(save(copy), Source.LEGACY);
		}
		ClientOrder created = new ClientOrder(intake.orderCode(), intake.orderName(), null, today(), client.getId(),
				null, now());
		return new Found<>(save(created), Source.CREATED);
	}

	/**
	 * Clients whose phone is {@code phone} when it is given, else whose name,
	 * organisation or email contains {@code q} or whose phone contains its digits (four
	 * or more); all when {@code q} is empty.
	 */
	static Specification<Client> clientsMatching(String q, String phone) {
		return (root, criteria, cb) -> {
			if (q.isEmpty()) {
				return cb.conjunction();
			}
			if (phone != null) {
				return cb.equal(root.get("phone"), phone);
			}
			String like = SearchFilters.containing(q);
			List<Predicate> any = new ArrayList<>();
			for (String field : List.of("lastName", "firstName", "middleName", "orgName", "email")) {
				any.add(cb.like(cb.lower(root.get(field)), like, '\\'));
			}
			String digits = q.replaceAll("\\D", "");
			if (digits.length() >= 4) {
				any.add(cb.like(root.get("phone"), "%" + digits + "%"));
			}
			return cb.or(any.toArray(Predicate[]::new));
		};
	}

	/** Orders whose code or name contains {@code q}; all when it is empty. */
	static Specification<ClientOrder> ordersMatching(String q) {
		return (root, criteria, cb) -> {
			if (q.isEmpty()) {
				return cb.conjunction();
			}
			String like = SearchFilters.containing(q);
			return cb.or(cb.like(cb.lower(root.get("code")), like, '\\'),
					cb.like(cb.lower(root.get("name")), like, '\\'));
		};
	}

	/**
	 * Whether LegacyDB's customer {@code custId} is this client: the one it was copied
	 * from, or, for a client made here, the customer with the same phone.
	 */
	private boolean isLegacyOwner(Client client, long custId) {
		if (client.getLegacyId() != null) {
			return client.getLegacyId() == custId;
		}
		return this.legacy.findCustomer(custId)
			.map((owner) -> client.getPhone().equals(this.phones.normalizeOrNull(owner.phone())))
			.orElse(false);
	}

	/** The legacy customer, enriched: E.164 phone, split name, checked email and INN. */
	private Client copyOf(LegacyCustomer customer, String phone) {
		String inn = Inn.isValid(customer.inn()) ? customer.inn() : null;
		if (inn == null && customer.inn() != null && !customer.inn().isBlank()) {
			log.warn("LegacyDB customer {} has an invalid INN; copied without it", customer.custId());
		}
		return new Client(PersonName.split(customer.fullName()), phone, ContactRules.emailOrNull(customer.email()), inn,
				trimmed(customer.orgName(), 300), customer.custId(), now());
	}

	/**
	 * Saved and flushed, so that a lost race on a unique key shows here, not at commit.
	 */
	private Client save(Client client) {
		return this.clients.saveAndFlush(client);
	}

	private ClientOrder save(ClientOrder order) {
		return this.orders.saveAndFlush(order);
	}

	private Instant now() {
		return this.clock.instant();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static String trimmed(String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		return (stripped.length() > max) ? stripped.substring(0, max) : stripped;
	}

	private record Found<T>(T item, Source source) {
	}

	/** A client's details, checked all at once. */
	private record Checked(PersonName name, String phone, String email, String inn, String orgName) {

		static Checked of(ClientDetails details, Phones phones) {
			Map<String, String> errors = new LinkedHashMap<>();
			String phone = null;
			try {
				phone = phones.normalize(details.phone(), "phone");
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.fieldErrors());
			}
			PersonName name = new PersonName(ContactRules.text(details.lastName(), 100, "lastName", errors),
					ContactRules.text(details.firstName(), 100, "firstName", errors),
					ContactRules.text(details.middleName(), 100, "middleName", errors));
			String email = ContactRules.email(details.email(), "email", errors);
			String inn = null;
			try {
				inn = Inn.validate(details.inn(), "inn");
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.fieldErrors());
			}
			String orgName = ContactRules.text(details.orgName(), 300, "orgName", errors);
			if (name.last() == null && orgName == null) {
				errors.put("lastName", "a last name or an organisation name is required");
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException("The client has invalid fields", errors);
			}
			return new Checked(name, phone, email, inn, orgName);
		}

	}

	/** The party, checked all at once before anything is looked up or written. */
	private record Intake(Long clientId, String phone, PersonName name, String email, String orderCode,
			String orderName) {

		static Intake validate(IntakeParty party, Phones phones) {
			Map<String, String> errors = new LinkedHashMap<>();
			String phone = null;
			if (party.clientId() == null) {
				try {
					phone = phones.normalize(party.clientPhone(), "clientPhone");
				}
				catch (InvalidInputException ex) {
					errors.putAll(ex.fieldErrors());
				}
			}
			PersonName name = new PersonName(ContactRules.text(party.clientLastName(), 100, "clientLastName", errors),
					ContactRules.text(party.clientFirstName(), 100, "clientFirstName", errors),
					ContactRules.text(party.clientMiddleName(), 100, "clientMiddleName", errors));
			String email = ContactRules.email(party.clientEmail(), "clientEmail", errors);
			String orderCode = ContactRules.orderCode(party.orderCode(), "orderCode", errors);
			String orderName = ContactRules.text(party.orderName(), 300, "orderName", errors);
			if (!errors.isEmpty()) {
				throw new InvalidInputException("The request names its client or order wrongly", errors);
			}
			return new Intake(party.clientId(), phone, name, email, orderCode, orderName);
		}

	}

}
