package ru.telecom.crm.servicerequest;

/** The service request's states: {@code NEW → IN_PROGRESS → CLOSED}. */
public enum RequestStatus {

	/** Created, client identified and order bound (or waiting to be identified). */
	NEW,
	/** An incident was opened for it. */
	IN_PROGRESS,
	/** Done; see its {@link CloseReason}. */
	CLOSED

}
