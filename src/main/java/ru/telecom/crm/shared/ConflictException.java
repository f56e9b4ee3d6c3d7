package ru.telecom.crm.shared;

/** The request clashes with the current state of the data. */
public class ConflictException extends DomainException {

	public ConflictException(String message) {
		super(Kind.CONFLICT, message);
	}

}
