package ru.telecom.crm.sla;

import java.time.Instant;
import java.util.Objects;

/** An incident entered {@code status} at {@code at}: one row of its status history. */
public record StatusChange(Instant at, TrackedStatus status) {

	public StatusChange {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(status, "status");
	}

	/** From a status row, whose status is the incident's status name. */
	public static StatusChange of(Instant at, String status) {
		return new StatusChange(at, TrackedStatus.valueOf(status));
	}

}
