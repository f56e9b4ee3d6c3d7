package ru.telecom.crm.status;

/**
 * What an activity row says happened. The journal stores the name; the console shows each
 * kind by its label ({@code activity.<NAME>} in its messages), and a test fails when a
 * kind written anywhere in the code is missing here or lacks a label in either language.
 */
public enum ActivityKind {

	/** The intake lookup found (or made) the caller's client and order. */
	CALLER_IDENTIFIED,
	/** A request got its agent. */
	ASSIGNED,
	/** An incident went to another engineer. */
	REASSIGNED,
	/** An incident was unlinked from its request. */
	UNLINKED,
	/** A mail about an incident went out. */
	MAIL_SENT,
	/** A mail about an incident had nobody to go to. */
	MAIL_SKIPPED,
	/** A work note was written. */
	NOTE_ADDED,
	/** A file was attached. */
	ATTACHMENT_ADDED,
	/** Why a request was closed without an incident, in the agent's words. */
	CLOSE_REASON,
	/**
	 * A request's or incident's priority changed: {@code "NORMAL → HIGH: <reason>"}; a
	 * request's change is also a row of its open incident, which follows it.
	 */
	PRIORITY_CHANGED,
	/**
	 * An incident used its warning share of a target:
	 * {@code "RESPONSE due at <instant>"}.
	 */
	SLA_WARNING,
	/** An incident's target passed: {@code "RESOLUTION due at <instant>"}. */
	SLA_BREACHED,
	/**
	 * A breached target went up one level of its escalation chain:
	 * {@code "RESOLUTION level 2 GROUP_MANAGER, due at <instant>"}.
	 */
	SLA_ESCALATED

}
