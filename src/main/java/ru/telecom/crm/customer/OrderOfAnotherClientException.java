package ru.telecom.crm.customer;

import ru.telecom.crm.shared.ConflictException;

/** The order code the caller named belongs to a different client. */
public class OrderOfAnotherClientException extends ConflictException {

	public OrderOfAnotherClientException(String orderCode) {
		super("Order " + orderCode + " belongs to another client");
	}

}
