package ru.telecom.crm.shared;

/**
 * A transition the state machine does not allow from the current state; nothing changed.
 */
public class IllegalTransitionException extends ConflictException {

	public IllegalTransitionException(String entity, Object id, Object from, Object to) {
		super(entity + " " + id + " is " + from + " and cannot become " + to);
	}

	public IllegalTransitionException(String message) {
		super(message);
	}

}
