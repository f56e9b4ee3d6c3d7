package ru.telecom.crm.customer;

/**
 * Who a request is about, as the agent or the channel gave it: a client by phone (any
 * common format) or by id, and an order by code. Names and email are used only when the
 * client has to be created.
 */
public record IntakeParty(Long clientId, String clientPhone, String clientLastName, String clientFirstName,
		String clientMiddleName, String clientEmail, String orderCode, String orderName) {

	/** A party named by phone and order code only. */
	public static IntakeParty of(String clientPhone, String orderCode) {
		return new IntakeParty(null, clientPhone, null, null, null, null, orderCode, null);
	}

}
