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

	/**
	 * The short name of the item's client ({@code "Popov D. S."}), a process variable the
	 * app sets when the client becomes known: the item's tasks carry it in their names
	 * ({@link TaskHeadings}).
	 */
	public static final String CLIENT_NAME = "clientName";

	/**
	 * The id of the item whose process is starting, a transient variable like
	 * {@link #OPENING_PRIORITY}: the name of an incident's first task carries it.
	 */
	public static final String OPENING_NUMBER = "openingNumber";

	/**
	 * When the item whose process is starting was opened, a transient variable like
	 * {@link #OPENING_PRIORITY}: its first task's opening-time column.
	 */
	public static final String OPENING_TIME = "openingTime";

	/**
	 * When the item whose process is starting is due, a transient variable like
	 * {@link #OPENING_PRIORITY}: its first task's due date.
	 */
	public static final String OPENING_DUE = "openingDue";

	private ProcessLinks() {
	}

}
