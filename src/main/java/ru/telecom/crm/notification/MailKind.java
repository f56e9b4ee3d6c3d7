package ru.telecom.crm.notification;

/** The mails of DESIGN §6. */
public enum MailKind {

	/** To the work group's manager and the group email: choose an engineer. */
	INCIDENT_OPENED,
	/** To the engineer it was assigned to. */
	INCIDENT_ASSIGNED,
	/** To the request agent's manager, the work group's manager and the client. */
	INCIDENT_CLOSED

}
