package ru.telecom.crm.shared;

/** How our processes name each other. */
public final class ProcessLinks {

	/**
	 * The process instance that started this one (an incident's mail is a process its
	 * incident's process starts): whoever may see the one sees the other. Set by the app
	 * at start only.
	 */
	public static final String STARTED_BY = "startedByProcess";

	private ProcessLinks() {
	}

}
