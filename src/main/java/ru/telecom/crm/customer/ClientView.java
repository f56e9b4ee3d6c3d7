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

}
