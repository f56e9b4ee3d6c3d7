package ru.telecom.crm.shared;

/** How our processes name each other. */
public final class ProcessLinks {

	/**
	 * The process instance that started this one (an incident's mail is a process its
	 * incident's process starts): whoever may see the one sees the other. Set by the app
	 * at start only.
	 */
	public static final String STARTED_BY = "startedByProcess";

	/**
	 * The priority of the item whose process is starting, a transient variable (gone when
	 * the start's command ends, never stored): the first tasks of an incident's process
	 * are made before the app writes the incident's link to it, and take their priority
	 * from here. Set by the app at start only.
	 */
	public static final String OPENING_PRIORITY = "openingPriority";

	private ProcessLinks() {
	}

}
