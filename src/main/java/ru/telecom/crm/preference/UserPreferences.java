package ru.telecom.crm.preference;

import java.time.ZoneId;

/** A user's own settings, read and changed by that user only. */
public interface UserPreferences {

	/** The zone of a user who has not chosen one: the helpdesk's own. */
	ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Moscow");

	/** The zone the user reads times in; {@link #DEFAULT_TIME_ZONE} until they choose. */
	ZoneId timeZone(String userId);

	/**
	 * Keeps the user's zone.
	 * @throws ru.telecom.crm.shared.InvalidInputException when {@code zone} names no time
	 * zone
	 */
	ZoneId changeTimeZone(String userId, String zone);

}
