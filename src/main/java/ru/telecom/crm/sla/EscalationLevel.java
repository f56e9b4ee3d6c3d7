package ru.telecom.crm.sla;

/** Who a breached target is escalated to, level by level (DESIGN §12). */
public enum EscalationLevel {

	/** The incident's engineer. */
	ENGINEER,
	/** The manager of the incident's work group. */
	GROUP_MANAGER,
	/**
	 * The manager of the agent of the incident's request (the helpdesk managers when the
	 * request has no agent).
	 */
	AGENT_MANAGER,
	/** A head-of-support address the policy names. */
	HEAD_OF_SUPPORT;

	/** Whether the level names its own address rather than a person of the incident. */
	public boolean needsAddress() {
		return this == HEAD_OF_SUPPORT;
	}

}
