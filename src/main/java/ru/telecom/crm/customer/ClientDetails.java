package ru.telecom.crm.customer;

/**
 * A client as a person types it: names, a phone in any common format, email, and for a
 * legal entity its INN (checksum-validated) and organisation name.
 */
public record ClientDetails(String lastName, String firstName, String middleName, String phone, String email,
		String inn, String orgName) {
}
