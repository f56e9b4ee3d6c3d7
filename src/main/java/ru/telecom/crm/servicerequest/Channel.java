package ru.telecom.crm.servicerequest;

/** Where a request came from. Only {@link #PHONE} has an agent on the line. */
public enum Channel {

	PHONE, TELEGRAM, SMS, ESB;

	/**
	 * Whether nobody waits for the answer: the message is stored first, looked up later.
	 */
	public boolean isUnattended() {
		return this != PHONE;
	}

}
