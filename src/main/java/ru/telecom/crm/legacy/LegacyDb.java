package ru.telecom.crm.legacy;

import java.util.List;
import java.util.Optional;

/**
 * Read-only queries on LegacyDB.
 *
 * @throws LegacyUnavailableException from every method when LegacyDB cannot be reached
 */
public interface LegacyDb {

	/**
	 * The customer whose free-format phone is the given number.
	 * @param e164 the number in E.164
	 */
	Optional<LegacyCustomer> findCustomerByPhone(String e164);

	Optional<LegacyCustomer> findCustomer(long custId);

	/** The order with this code, compared without regard to case. */
	Optional<LegacyOrder> findOrder(String orderCode);

	/** All orders of a customer, oldest first. */
	List<LegacyOrder> findOrdersOf(long custId);

	/**
	 * Customers for a search, by {@code cust_id}: the one whose phone is {@code e164}
	 * when it is given; else those whose name, organisation or email contains
	 * {@code text} (any case) or whose phone's digits contain its digits (four or more).
	 * @param limit at most this many
	 */
	List<LegacyCustomer> searchCustomers(String text, String e164, int limit);

	/**
	 * Orders whose code or title contains {@code text}, any case, by code.
	 * @param limit at most this many
	 */
	List<LegacyOrder> searchOrders(String text, int limit);

}
