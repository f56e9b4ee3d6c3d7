package ru.telecom.crm.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change of a request's or incident's priority as asked (DESIGN §12): the new priority
 * and why, the reason trimmed. The same checks at every door (the API, the console), so a
 * refusal reads the same wherever it is made.
 *
 * @param priority the new priority
 * @param reason why it changes, trimmed, at most {@value #MAX_REASON_LENGTH} characters
 */
public record PriorityChange(Priority priority, String reason) {

	/** The longest reason, counted after trimming. */
	public static final int MAX_REASON_LENGTH = 1000;

	/**
	 * The change, checked: a priority and a reason are both said, the reason within its
	 * length once trimmed.
	 * @throws InvalidInputException naming each field that is wrong
	 */
	public static PriorityChange of(Priority priority, String reason) {
		String trimmed = (reason != null) ? reason.strip() : "";
		Map<String, String> errors = new LinkedHashMap<>();
		if (priority == null) {
			errors.put("priority", "choose the new priority: LOW, NORMAL, HIGH or CRITICAL");
		}
		if (trimmed.isEmpty()) {
			errors.put("reason", "say why the priority changes");
		}
		else if (trimmed.length() > MAX_REASON_LENGTH) {
			errors.put("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The priority change has invalid fields", errors);
		}
		return new PriorityChange(priority, trimmed);
	}

	/**
	 * Refuses a change to the priority the item already has: asking twice is a conflict,
	 * as closing a closed request or unlinking an unlinked incident is.
	 * @param item what the item is called, e.g. {@code "Service request 7"}
	 */
	public void requireChangeFrom(Priority current, String item) {
		if (current == this.priority) {
			throw new Unchanged(item + " is already " + this.priority);
		}
	}

	/** What the item's activity row says of it: {@code "NORMAL → HIGH: <reason>"}. */
	public String details(Priority from) {
		return from + " → " + this.priority + ": " + this.reason;
	}

	/**
	 * The item already has the priority asked for: a conflict, which a form shows on its
	 * priority field.
	 */
	public static final class Unchanged extends ConflictException {

		Unchanged(String message) {
			super(message);
		}

	}

}
