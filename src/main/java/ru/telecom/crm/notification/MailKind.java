package ru.telecom.crm.notification;

import java.util.List;

/** The mails of DESIGN §6. */
public enum MailKind {

	/** To the work group's manager and the group email: choose an engineer. */
	INCIDENT_OPENED,
	/** To the engineer it was assigned to. */
	INCIDENT_ASSIGNED,
	/**
	 * To the request agent's manager and the work group's manager: the incident is
	 * closed, with the engineer and what was done.
	 */
	INCIDENT_CLOSED,
	/**
	 * To the client: its request is resolved. A mail of its own, from the customer-facing
	 * template in the client's language, naming only the request and incident numbers; no
	 * staff address, name or narrative.
	 */
	REQUEST_RESOLVED,
	/**
	 * An alarm of the incident's service level (DESIGN §12): its warning and breach to
	 * the engineer (the work group's manager while nobody is assigned; the breach to the
	 * manager too), each escalation level to its person or address.
	 */
	SLA_ALARM;

	/**
	 * The mails an event of this kind sends, in this order: closing an incident mails the
	 * managers and, apart, the client.
	 */
	public List<MailKind> mailsOfEvent() {
		return (this == INCIDENT_CLOSED) ? List.of(INCIDENT_CLOSED, REQUEST_RESOLVED) : List.of(this);
	}

}
