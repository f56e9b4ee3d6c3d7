package ru.telecom.crm.preference.domain;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.preference.UserPreferences;
import ru.telecom.crm.shared.InvalidInputException;

@Service
class PreferenceService implements UserPreferences {

	private static final int MAX_ZONE_LENGTH = 64;

	private final UserPreferenceRepository preferences;

	private final Clock clock;

	PreferenceService(UserPreferenceRepository preferences, Clock clock) {
		this.preferences = preferences;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public ZoneId timeZone(String userId) {
		return this.preferences.findById(userId).map(UserPreference::timeZone).orElse(DEFAULT_TIME_ZONE);
	}

	@Override
	@Transactional
	public ZoneId changeTimeZone(String userId, String zone) {
		ZoneId chosen = parse(zone);
		UserPreference preference = this.preferences.findById(userId).orElseGet(() -> new UserPreference(userId));
		preference.changeTimeZone(chosen, this.clock.instant());
		this.preferences.save(preference);
		return chosen;
	}

	private static ZoneId parse(String zone) {
		// region ids only ("Europe/Moscow", "UTC"): an offset such as "+03:00" would not
		// follow a region's changes of its clocks
		if (zone == null || zone.isBlank() || zone.length() > MAX_ZONE_LENGTH || zone.strip().startsWith("+")
				|| zone.strip().startsWith("-")) {
			throw new InvalidInputException("timeZone", "Choose a time zone such as Europe/Moscow.");
		}
		try {
			return ZoneId.of(zone.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException("timeZone", "'" + zone.strip() + "' is not a time zone.");
		}
	}

}
