package ru.telecom.crm.customer;

import java.util.Optional;

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

	Optional<ClientView> findClient(long id);

	Optional<OrderView> findOrder(long id);

}
