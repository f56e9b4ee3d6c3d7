package ru.telecom.crm.bench;

/**
 * The bench's own users: agents in the helpdesk (their manager maria), engineers in work
 * group 100 (their manager olga). The managers are the demo's. Password = user name.
 */
record BenchUsers(int agents, int engineers) {

	static final String GROUP_MANAGER = "olga";

	static final String HELPDESK_MANAGER = "maria";

	/** Client {@code index}'s agent; clients beyond the agents share them round robin. */
	String agent(int index) {
		return "bench-agent-%02d".formatted(index % this.agents + 1);
	}

	String engineer(int index) {
		return "bench-engineer-%02d".formatted(index % this.engineers + 1);
	}

}
