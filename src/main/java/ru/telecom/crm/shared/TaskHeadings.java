package ru.telecom.crm.shared;

import java.util.StringJoiner;

/**
 * The name of a request's or incident's Tasklist task: the item's number, its priority,
 * the client's short name, then the step's own name from the model, e.g.
 * {@code "Incident 7 · HIGH · Popov D. S. · Work the incident"}. Tasklist shows it in the
 * list and the task's header, so the agent learns the number of what was just opened from
 * the next task, and a queue shows what matters without opening the task.
 */
public final class TaskHeadings {

	/** The task-local variable with the item's opening time, a column of the list. */
	public static final String OPENED_AT = "openedAt";

	/** What a service request is called in its tasks' names. */
	public static final String REQUEST = "Request";

	/** What an incident is called in its tasks' names. */
	public static final String INCIDENT = "Incident";

	/** The engine's limit on a task's name. */
	private static final int MAX_LENGTH = 255;

	private static final String SEPARATOR = " · ";

	private TaskHeadings() {
	}

	/**
	 * The task's name.
	 * @param kind what the item is called, {@code "Request"} or {@code "Incident"}
	 * @param number the item's id
	 * @param priority its priority, or {@code null} when unknown
	 * @param client the client's short name, or {@code null} before the caller is known
	 * @param step the step's own name in the model
	 */
	public static String name(String kind, long number, Priority priority, String client, String step) {
		StringJoiner name = new StringJoiner(SEPARATOR);
		name.add(kind + " " + number);
		if (priority != null) {
			name.add(priority.name());
		}
		if (client != null && !client.isBlank()) {
			String shortName = client.strip();
			name.add((shortName.length() > 80) ? shortName.substring(0, 79) + "…" : shortName);
		}
		if (step != null) {
			name.add(step);
		}
		String text = name.toString();
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH - 1) + "…" : text;
	}

}
