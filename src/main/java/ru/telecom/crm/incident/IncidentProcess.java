package ru.telecom.crm.incident;

/**
 * The {@code IncidentProcess} model's names, used by code and tests alike.
 */
public final class IncidentProcess {

	public static final String KEY = "IncidentProcess";

	/** Starts an incident's process (message start event). */
	public static final String MESSAGE_OPENED = "Msg_IncidentOpened";

	/** Asks a running incident to let go of its request (event subprocess). */
	public static final String MESSAGE_UNLINK = "Msg_UnlinkIncident";

	/** Sent to the request's process when the incident closes. */
	public static final String MESSAGE_CLOSED = "Msg_IncidentClosed";

	/** Sent to the request's process when the incident is unlinked from it. */
	public static final String MESSAGE_UNLINKED = "Msg_IncidentUnlinked";

	/** Variables. */
	/** The candidate group of the work group's queue, {@code wg-<code>}. */
	public static final String WORK_GROUP = "workGroup";

	/** What the forms show about the incident. */
	public static final String SUMMARY = "incidentSummary";

	/**
	 * The incident's id, for the forms' link to its notes in the console; shown only (the
	 * process works on its business key).
	 */
	public static final String INCIDENT_ID = "incidentId";

	/** The engineer the incident is assigned to. */
	public static final String ENGINEER = "engineer";

	/** The outcome chosen on a task: one of {@link Decision}. */
	public static final String DECISION = "decision";

	public static final String NARRATIVE = "narrative";

	public static final String HOLD_REASON = "holdReason";

	/** Input parameter of the status and mail tasks. */
	public static final String TARGET_STATUS = "targetStatus";

	public static final String MAIL_KIND = "mailKind";

	/** User tasks. */
	public static final String TASK_ASSIGN_ENGINEER = "Task_AssignEngineer";

	public static final String TASK_START_WORK = "Task_StartWork";

	public static final String TASK_WORK_INCIDENT = "Task_WorkIncident";

	public static final String TASK_RESUME_INCIDENT = "Task_ResumeIncident";

	/** Service tasks that queue a mail (see the notification module's mail process). */
	public static final String TASK_MAIL_OPENED = "Task_MailIncidentOpened";

	public static final String TASK_MAIL_ASSIGNED = "Task_MailIncidentAssigned";

	public static final String TASK_MAIL_CLOSED = "Task_MailIncidentClosed";

	private IncidentProcess() {
	}

	/** What an engineer or manager chose on a task ({@link IncidentLifecycle}). */
	public enum Decision {

		/** On "Assign an engineer": assign, the engineer starts later. */
		ASSIGN,
		/** On "Assign an engineer": the engineer takes it and starts at once. */
		ASSIGN_AND_START,
		/** On "Start work": start. */
		START,
		/** On "Start work": give it back to the queue. */
		RETURN,
		/** On "Work the incident": pause it. */
		HOLD,
		/** On "Work the incident" or "Resume": close it with the narrative. */
		CLOSE,
		/** On "Resume": back to work. */
		RESUME

	}

}
