package ru.telecom.crm.shared;

/**
 * Our own database did not answer (restarting, or the connection to it broken): the
 * transaction rolled back, so nothing was written and the same call may be sent again.
 */
public class DatabaseUnavailableException extends DomainException {

	public DatabaseUnavailableException(Throwable cause) {
		super(Kind.UNAVAILABLE, "Our database is not answering right now; nothing was saved, try again shortly", cause);
	}

}
