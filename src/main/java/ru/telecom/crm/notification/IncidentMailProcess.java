package ru.telecom.crm.notification;

import ru.telecom.crm.shared.ProcessLinks;

/**
 * The {@code IncidentMailProcess} model's names. Each incident mail runs as a small
 * process of its own, started in the transaction of the change it reports: its send step
 * is an asynchronous job after commit, retried with backoff, and a Cockpit incident when
 * it finally fails, without ever contending with the incident's own process.
 */
public final class IncidentMailProcess {

	public static final String KEY = "IncidentMailProcess";

	/** Variables: the incident and the {@link MailKind}. */
	/** The process of the incident the mail is about. */
	public static final String INCIDENT_PROCESS = ProcessLinks.STARTED_BY;

	/**
	 * The incident, named by mails queued before {@link #INCIDENT_PROCESS} was passed.
	 */
	public static final String INCIDENT_ID = "incidentId";

	public static final String MAIL_KIND = "mailKind";

	public static final String TASK_SEND_MAIL = "Task_SendMail";

	private IncidentMailProcess() {
	}

}
