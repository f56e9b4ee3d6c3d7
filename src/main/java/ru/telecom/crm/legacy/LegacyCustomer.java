package ru.telecom.crm.legacy;

/**
 * A row of LegacyDB's {@code customers}, as it is there: one {@code full_name} string and
 * a phone written any way.
 */
public record LegacyCustomer(long custId, String fullName, String phone, String email, String inn, String orgName) {
}
