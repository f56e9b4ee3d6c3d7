package ru.telecom.crm.incident;

/** The incident's states: {@code NEW → ASSIGNED → INWORK ⇄ ON_HOLD → CLOSED}. */
public enum IncidentStatus {

	/** Opened and routed to its work group; an engineer must be chosen. */
	NEW,
	/** An engineer was assigned or claimed it. */
	ASSIGNED,
	/** The engineer is working on it. */
	INWORK,
	/** Waiting for the customer or a third party. */
	ON_HOLD,
	/** Done, with the narrative written. */
	CLOSED

}
