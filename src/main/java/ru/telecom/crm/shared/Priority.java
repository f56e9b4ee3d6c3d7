package ru.telecom.crm.shared;

/** How urgent a request or incident is; an incident takes its request's priority. */
public enum Priority {

	LOW(25), NORMAL(50), HIGH(75), CRITICAL(100);

	private final int taskPriority;

	Priority(int taskPriority) {
		this.taskPriority = taskPriority;
	}

	/**
	 * The priority of the item's Tasklist tasks (the engine's scale, 50 by default),
	 * which Tasklist shows and sorts by.
	 */
	public int taskPriority() {
		return this.taskPriority;
	}

}
