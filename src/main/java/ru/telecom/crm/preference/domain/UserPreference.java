package ru.telecom.crm.preference.domain;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One user's settings; the row exists once the user has chosen something. */
@Entity
@Table(name = "user_preference")
class UserPreference {

	@Id
	private String userId;

	private String timeZone;

	private Instant updatedAt;

	protected UserPreference() {
	}

	UserPreference(String userId) {
		this.userId = userId;
	}

	ZoneId timeZone() {
		return ZoneId.of(this.timeZone);
	}

	void changeTimeZone(ZoneId zone, Instant now) {
		this.timeZone = zone.getId();
		this.updatedAt = now;
	}

}
