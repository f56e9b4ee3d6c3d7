package ru.telecom.crm.shared;

import java.util.Map;

/** Input that breaks a rule; names the offending fields. */
public class InvalidInputException extends DomainException {

	public InvalidInputException(String field, String message) {
		super(Kind.VALIDATION, message, Map.of(field, message));
	}

	public InvalidInputException(String message, Map<String, String> fieldErrors) {
		super(Kind.VALIDATION, message, fieldErrors);
	}

}
