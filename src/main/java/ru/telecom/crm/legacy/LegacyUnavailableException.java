package ru.telecom.crm.legacy;

import ru.telecom.crm.shared.DomainException;

/** LegacyDB did not answer; the lookup wrote nothing and may be tried again. */
public class LegacyUnavailableException extends DomainException {

	public LegacyUnavailableException(Throwable cause) {
		super(Kind.UNAVAILABLE, "LegacyDB is not available right now; nothing was saved, try again shortly", cause);
	}

}
