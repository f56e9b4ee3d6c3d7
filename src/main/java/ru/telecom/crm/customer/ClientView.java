package ru.telecom.crm.customer;

import java.util.Objects;
import java.util.stream.Stream;

/** A client as other modules and the API see it. */
public record ClientView(long id, String lastName, String firstName, String middleName, String phone, String email,
		String inn, String orgName, Long legacyId, int version) {

	/**
	 * "Last First Middle", or the organisation, or the phone: something to call them by.
	 */
	public String displayName() {
		String name = String.join(" ",
				Stream.of(this.lastName, this.firstName, this.middleName).filter(Objects::nonNull).toList());
		if (!name.isBlank()) {
			return name;
		}
		return (this.orgName != null) ? this.orgName : this.phone;
	}

	/**
	 * "Last F. M." (initials of the first and middle names), or the organisation, or the
	 * phone: a name short enough for a task's name or a list.
	 */
	public String shortName() {
		if (this.lastName == null || this.lastName.isBlank()) {
			return displayName();
		}
		StringBuilder name = new StringBuilder(this.lastName.strip());
		Stream.of(this.firstName, this.middleName)
			.filter((part) -> part != null && !part.isBlank())
			.forEach((part) -> name.append(' ').appendCodePoint(part.strip().codePointAt(0)).append('.'));
		return name.toString();
	}

}
