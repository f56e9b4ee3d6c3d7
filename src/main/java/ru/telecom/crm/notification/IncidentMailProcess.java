package ru.telecom.crm.notification;

import ru.telecom.crm.shared.ProcessLinks;

/**
 * The {@code IncidentMailProcess} model's names. The mails of an incident event run as a
 * small process of their own, started in the transaction of the change it reports: its
 * send step is an asynchronous job after commit, retried with backoff, and a Cockpit
 * incident when it finally fails, without ever contending with the incident's own
 * process.
 */
public final class IncidentMailProcess {

	public static final String KEY = "IncidentMailProcess";

	/** The process of the incident the mail is about. */
	public static final String INCIDENT_PROCESS = ProcessLinks.STARTED_BY;

	/**
	 * The incident, named by mails queued before {@link #INCIDENT_PROCESS} was passed.
	 */
	public static final String INCIDENT_ID = "incidentId";

	/**
	 * The event whose mails the process sends, each in turn
	 * ({@link MailKind#mailsOfEvent}): closing an incident mails the managers and, apart,
	 * the client, in one job.
	 */
	public static final String MAIL_EVENT = "mailEvent";

	/**
	 * The one mail the process sends, named by processes started for a single mail: those
	 * queued before {@link #MAIL_EVENT}, and the rest of an event whose first mail went
	 * out when a later one failed.
	 */
	public static final String MAIL_KIND = "mailKind";

	/**
	 * The event key of a single mail handed over from an event's process, so that its
	 * Message-ID stays the one it was tried with.
	 */
	public static final String EVENT_KEY = "eventKey";

	/**
	 * The alarm of an {@link MailKind#SLA_ALARM} mail, as {@link SlaAlarmMail#toText()}.
	 */
	public static final String SLA_ALARM = "slaAlarm";

	public static final String TASK_SEND_MAIL = "Task_SendMail";

	private IncidentMailProcess() {
	}

}
