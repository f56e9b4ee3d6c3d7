package ru.telecom.crm.customer.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.customer.ClientView;
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.customer.IntakeResolution;
import ru.telecom.crm.customer.IntakeResolution.Source;
import ru.telecom.crm.customer.OrderOfAnotherClientException;
import ru.telecom.crm.customer.OrderView;
import ru.telecom.crm.legacy.LegacyCustomer;
import ru.telecom.crm.legacy.LegacyDb;
import ru.telecom.crm.legacy.LegacyOrder;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.Phones;

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
	@Transactional(readOnly = true)
	public Optional<ClientView> findClient(long id) {
		return this.clients.findById(id).map(Client::view);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OrderView> findOrder(long id) {
		return this.orders.findById(id).map(ClientOrder::view);
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
