package ru.telecom.crm.history;

import ru.telecom.crm.shared.DomainException;

/** ClickHouse did not answer, answered late, or refused a statement. */
public class ClickHouseUnavailableException extends DomainException {

	private final String reason;

	/**
	 * @param reason a short tag for the failure metric: {@code timeout},
	 * {@code connection} or {@code http}
	 */
	public ClickHouseUnavailableException(String reason, String message, Throwable cause) {
		super(Kind.UNAVAILABLE, message, cause);
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}
