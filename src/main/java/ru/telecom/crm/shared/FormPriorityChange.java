package ru.telecom.crm.shared;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A change of the item's priority asked on a task's form in Tasklist (DESIGN §12): the
 * optional fields {@value #NEW_PRIORITY} and {@value #REASON} of the forms that offer it,
 * sent as transient variables (the form's {@code transient} property) and read by the
 * task's completion listener, which changes the item as the API and the console do.
 */
public final class FormPriorityChange {

	/** The form's select of the new priority; empty keeps the priority. */
	public static final String NEW_PRIORITY = "newPriority";

	/** The form's field for why, required where the form shows it. */
	public static final String REASON = "priorityReason";

	private FormPriorityChange() {
	}

	/** Whether the completion carries either of the two fields. */
	public static boolean asked(DelegateTask task) {
		return task.getVariableTyped(NEW_PRIORITY) != null || task.getVariableTyped(REASON) != null;
	}

	/**
	 * The change the task's form asks for, if any, checked as at every door; an
	 * administrator's completion through the engine's API, which writes what it is sent
	 * as stored variables, has them removed, so that they never outlive the step.
	 * @param current the item's priority now: choosing it again changes nothing
	 * @throws InvalidInputException naming the form's field that is wrong
	 */
	public static Optional<PriorityChange> takeFrom(DelegateTask task, Priority current) {
		TypedValue chosen = take(task, NEW_PRIORITY);
		TypedValue reason = take(task, REASON);
		if (chosen == null || !(chosen.getValue() instanceof String name) || name.isBlank()) {
			return Optional.empty();
		}
		Priority priority;
		try {
			priority = Priority.valueOf(name.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(NEW_PRIORITY, "choose LOW, NORMAL, HIGH or CRITICAL, not " + name);
		}
		if (priority == current) {
			return Optional.empty();
		}
		String why = (reason != null && reason.getValue() instanceof String text) ? text : null;
		try {
			return Optional.of(PriorityChange.of(priority, why));
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(REASON, ex.fieldErrors().getOrDefault("reason", ex.getMessage()));
		}
	}

	/** The field's value; a stored one (not transient) is removed from the process. */
	private static TypedValue take(DelegateTask task, String name) {
		TypedValue value = task.getVariableTyped(name);
		if (value != null && !value.isTransient()) {
			task.getExecution().removeVariable(name);
		}
		return value;
	}

}
