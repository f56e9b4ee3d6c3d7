package ru.telecom.crm.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The customer module's face: clients, orders and the intake lookup.
 */
public interface CustomerApi {

	/**
	 * Finds or makes the client and order a request names (DESIGN §5): ours first, then
	 * LegacyDB, copied once and enriched, else created. Joins the caller's transaction;
	 * whoever starts that transaction runs it through
	 * {@link ru.telecom.crm.shared.KeyRaceRetry} so that two lookups of the same new
	 * client end with one client.
	 * @throws ru.telecom.crm.shared.InvalidInputException for a bad phone, INN, email or
	 * order code
	 * @throws OrderOfAnotherClientException when the order belongs to someone else
	 * @throws ru.telecom.crm.legacy.LegacyUnavailableException when LegacyDB is down
	 */
	IntakeResolution resolve(IntakeParty party);

	/**
	 * Which of these words, read from free text, names an order that exists (DESIGN §5):
	 * the first that is ours, else the first that LegacyDB has. Nothing is copied or
	 * created, so a word that only looks like an order code never becomes an order.
	 * @param codes candidate order codes, in the order the text names them
	 * @return the code, upper case, or empty when none exists
	 * @throws ru.telecom.crm.legacy.LegacyUnavailableException when none is ours and
	 * LegacyDB is down
	 */
	Optional<String> existingOrderCode(List<String> codes);

	Optional<ClientView> findClient(long id);

	/**
	 * The clients of these ids that exist, in one query: for the names on a list page.
	 */
	java.util.List<ClientView> findClients(java.util.Collection<Long> ids);

	/**
	 * Clients whose phone is {@code query} (written any common way) or whose name or
	 * organisation contains it; all clients when it is empty.
	 */
	Page<ClientView> searchClients(String query, Pageable page);

	/**
	 * @throws ru.telecom.crm.shared.InvalidInputException for a bad phone, INN or email
	 * @throws ru.telecom.crm.shared.ConflictException when the phone is another client's
	 */
	ClientView createClient(ClientDetails details);

	/**
	 * Edits a client; {@code version} is the one the caller read, when it checks for a
	 * concurrent change.
	 * @throws ru.telecom.crm.shared.ConflictException on a concurrent change or a phone
	 * of another client
	 */
	ClientView updateClient(long id, ClientDetails details, Integer version);

	Page<OrderView> ordersOf(long clientId, Pageable page);

	/** Orders whose code or name contains {@code query}; all when it is empty. */
	Page<OrderView> searchOrders(String query, Pageable page);

	/**
	 * @throws ru.telecom.crm.shared.ConflictException when the code is taken, here or in
	 * LegacyDB
	 */
	OrderView createOrder(NewOrder order);

	Optional<OrderView> findOrder(long id);

	/**
	 * Our client for LegacyDB's customer {@code legacyId}, copied as in DESIGN §5 the
	 * first time (a client of ours with the same phone is that customer, and is linked to
	 * it); the same client every later time.
	 * @throws ru.telecom.crm.shared.NotFoundException when LegacyDB has no such customer
	 * @throws ru.telecom.crm.shared.ConflictException when its phone cannot be read
	 * @throws ru.telecom.crm.legacy.LegacyUnavailableException when LegacyDB is down
	 */
	ClientView importLegacyClient(long legacyId);

	/**
	 * Our order for LegacyDB's order {@code code}, copied the first time with its
	 * customer (as {@link #importLegacyClient(long)}); ours as it is when we have that
	 * code.
	 * @throws ru.telecom.crm.shared.NotFoundException when neither has it
	 * @throws ru.telecom.crm.legacy.LegacyUnavailableException when LegacyDB is down
	 */
	OrderView importLegacyOrder(String code);

}
