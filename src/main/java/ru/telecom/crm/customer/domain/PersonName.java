package ru.telecom.crm.customer.domain;

import java.util.Arrays;

/** Last, first and middle name (фамилия, имя, отчество); any part may be missing. */
public record PersonName(String last, String first, String middle) {

	/**
	 * Splits LegacyDB's {@code full_name}, written last name first:
	 * {@code "Smirnov Alexey
	 * Petrovich"}. Words after the third stay with the middle name ("Гасан оглы").
	 */
	public static PersonName split(String fullName) {
		if (fullName == null || fullName.isBlank()) {
			return new PersonName(null, null, null);
		}
		String[] words = fullName.trim().split("\\s+");
		return new PersonName(words[0], (words.length > 1) ? words[1] : null,
				(words.length > 2) ? String.join(" ", Arrays.copyOfRange(words, 2, words.length)) : null);
	}

}
