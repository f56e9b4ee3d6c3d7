package ru.telecom.crm.notification;

/** Sends the mails about incidents. */
public interface NotificationApi {

	/**
	 * Sends the mail of this kind about the incident, once per event: a call with an
	 * event key already sent does nothing.
	 * @param eventKey names the event, stable across retries; also the Message-ID
	 * @return whether a mail went out now
	 * @throws org.springframework.mail.MailException when the mail server refuses or is
	 * down: the engine retries the job. It leaves the caller's transaction able to commit
	 * what was done before (another mail of the same event, recorded as sent)
	 */
	boolean sendIncidentMail(MailKind kind, long incidentId, String eventKey);

	/**
	 * Sends the mail of an alarm of the incident's service level, once per event key (as
	 * {@link #sendIncidentMail}).
	 */
	boolean sendSlaMail(long incidentId, SlaAlarmMail alarm, String eventKey);

}
