package ru.telecom.crm.shared;

/** The item does not exist or the caller may not see it: the two are never told apart. */
public class NotFoundException extends DomainException {

	public NotFoundException(String what, Object id) {
		super(Kind.NOT_FOUND, what + " " + id + " not found");
	}

}
