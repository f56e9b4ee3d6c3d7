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

}
