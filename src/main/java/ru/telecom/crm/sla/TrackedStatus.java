package ru.telecom.crm.sla;

/**
 * The incident's statuses as its clocks read them, named as the incident module names
 * them (DESIGN §4) and as status rows store them, so that {@code valueOf} reads either.
 * The SLA module keeps its own copy to stay below the incident module.
 */
public enum TrackedStatus {

	NEW, ASSIGNED,
	/** Stops the response clock. */
	INWORK,
	/** Stops the resolution clock until the incident is resumed. */
	ON_HOLD,
	/** Stops both clocks for good. */
	CLOSED

}
