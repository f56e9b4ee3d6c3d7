package ru.telecom.crm.report;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import ru.telecom.crm.shared.InvalidInputException;

/**
 * A report's period {@code [from, to)}: both given, {@code from} before {@code to}, at
 * most {@value #MAX_DAYS} days long.
 */
public record ReportPeriod(Instant from, Instant to) {

	/** The longest period a report covers. */
	public static final int MAX_DAYS = 366;

	/**
	 * The period the two parameters name, as ISO-8601 instants
	 * ({@code 2026-03-02T06:00:00Z}) or date-times with an offset
	 * ({@code 2026-03-02T09:00:00+03:00}).
	 * @throws InvalidInputException naming each parameter that is wrong
	 */
	public static ReportPeriod of(String from, String to) {
		Map<String, String> errors = new LinkedHashMap<>();
		Instant start = instant("from", from, true, errors);
		Instant end = instant("to", to, true, errors);
		if (start != null && end != null) {
			if (!start.isBefore(end)) {
				errors.put("from", "must be before to");
			}
			else if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
				errors.put("to", "the period is at most " + MAX_DAYS + " days long");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The report's parameters are wrong", errors);
		}
		return new ReportPeriod(start, end);
	}

	/**
	 * An optional instant parameter; {@code null} when it is not given.
	 * @throws InvalidInputException naming the parameter when it cannot be read
	 */
	public static Instant instant(String name, String value) {
		Map<String, String> errors = new LinkedHashMap<>();
		Instant instant = instant(name, value, false, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The report's parameters are wrong", errors);
		}
		return instant;
	}

	private static Instant instant(String name, String value, boolean required, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(name, "is required: an instant such as 2026-03-02T06:00:00Z");
			}
			return null;
		}
		String text = value.strip();
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException notAnInstant) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException notEither) {
				errors.put(name, "'" + abbreviated(text) + "' is not an instant such as 2026-03-02T06:00:00Z");
				return null;
			}
		}
	}

	private static String abbreviated(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
