package ru.telecom.crm.servicerequest;

/**
 * The {@code ServiceRequestProcess} model's names, used by code and tests alike. The
 * process's business key is the request's id; the request is found through its link to
 * the process, never through a variable.
 */
public final class ServiceRequestProcess {

	public static final String KEY = "ServiceRequestProcess";

	/** Variables given at start. */
	public static final String CHANNEL = "channel";

	public static final String CLIENT_ID = "clientId";

	public static final String CLIENT_PHONE = "clientPhone";

	public static final String CLIENT_LAST_NAME = "clientLastName";

	public static final String CLIENT_FIRST_NAME = "clientFirstName";

	public static final String CLIENT_MIDDLE_NAME = "clientMiddleName";

	public static final String CLIENT_EMAIL = "clientEmail";

	public static final String ORDER_CODE = "orderCode";

	public static final String ORDER_NAME = "orderName";

	public static final String DESCRIPTION = "description";

	public static final String PRIORITY = "priority";

	public static final String RAW_MESSAGE = "rawMessage";

	/**
	 * The words of a free-text message that look like order codes, comma-separated, when
	 * LegacyDB could not check them as the message came: the lookup checks them.
	 */
	public static final String ORDER_CODES_TO_CHECK = "orderCodesToCheck";

	/** Variables the process sets. */
	/** The agent the request's tasks go to; empty for the helpdesk queue. */
	public static final String ASSIGNEE = "assignee";

	public static final String CALLER_IDENTIFIED = "callerIdentified";

	/** What the forms show: the bound client and order, the channel's message as text. */
	public static final String CLIENT_SUMMARY = "clientSummary";

	public static final String ORDER_SUMMARY = "orderSummary";

	public static final String MESSAGE_TEXT = "messageText";

	/**
	 * The request's id, for the forms' link to its notes in the console; shown only (the
	 * process works on its business key).
	 */
	public static final String SERVICE_REQUEST_ID = "serviceRequestId";

	/** What the agent chose when qualifying: one of {@link Decision}. */
	public static final String DECISION = "requestDecision";

	public static final String SERVICE_CODE = "serviceCode";

	/** Input parameters of service tasks. */
	/**
	 * Why the agent closes without an incident, from the QualifyRequest form: a transient
	 * variable the task's guard keeps as the request's {@code CLOSE_REASON} activity.
	 */
	public static final String CLOSING_REASON = "closingReason";

	public static final String CLOSE_REASON = "closeReason";

	/** On "Bind client and order": refuse bad input instead of asking a person. */
	public static final String STRICT = "strict";

	/** Activities. */
	public static final String TASK_OPEN_REQUEST = "Task_OpenRequest";

	public static final String TASK_LOOK_UP_CALLER = "Task_LookUpCaller";

	/**
	 * The priority of the caller's lookup job ({@code camunda:jobPriority}): a customer
	 * waits for it, so the job executor (which acquires by priority, then by due date)
	 * takes it before a backlog of mails retried while the mail server is down; every
	 * other job of ours has the engine's default, 0.
	 */
	public static final long LOOK_UP_CALLER_JOB_PRIORITY = 100;

	public static final String TASK_IDENTIFY_CALLER = "Task_IdentifyCaller";

	public static final String TASK_QUALIFY_REQUEST = "Task_QualifyRequest";

	public static final String EVENT_WAIT_FOR_INCIDENT = "Gateway_WaitForIncident";

	public static final String END_NO_INCIDENT = "Event_ClosedWithoutIncident";

	public static final String END_INCIDENT_CLOSED = "Event_ClosedByIncident";

	public static final String END_INCIDENT_UNLINKED = "Event_ClosedByUnlink";

	private ServiceRequestProcess() {
	}

	/** What the agent chose when qualifying a request. */
	public enum Decision {

		/** Open an incident for the chosen service. */
		OPEN_INCIDENT,
		/** Close the request: no incident can be opened. */
		CLOSE

	}

}
