package ru.telecom.crm.shared;

/** The caller may see the item but not change it. */
public class ForbiddenException extends DomainException {

	public ForbiddenException(String message) {
		super(Kind.FORBIDDEN, message);
	}

}
