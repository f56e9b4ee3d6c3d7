package ru.telecom.crm.shared;

/**
 * The assignee a request or incident list asks for: {@code me} (the caller), {@code none}
 * (unassigned: the queue's), or a user id; blank for anyone. Never wider than the
 * caller's scope: it only narrows what the caller may see.
 *
 * @param assignee the user the items are assigned to; {@code null} for any
 * @param unassigned only the unassigned ones
 */
public record AssigneeFilter(String assignee, boolean unassigned) {

	/** What the caller asks for with {@code me}. */
	public static final String ME = "me";

	/** What the caller asks for with {@code none}. */
	public static final String NONE = "none";

	/** The filter the caller asked for; {@code me} is {@code callerId}. */
	public static AssigneeFilter of(String asked, String callerId) {
		if (asked == null || asked.isBlank()) {
			return new AssigneeFilter(null, false);
		}
		String assignee = asked.strip();
		if (ME.equalsIgnoreCase(assignee)) {
			return new AssigneeFilter(callerId, false);
		}
		if (NONE.equalsIgnoreCase(assignee)) {
			return new AssigneeFilter(null, true);
		}
		return new AssigneeFilter(assignee, false);
	}

}
