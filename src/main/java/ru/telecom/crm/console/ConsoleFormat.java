package ru.telecom.crm.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

import ru.telecom.crm.shared.CappedPage;

/**
 * How the console writes moments: {@code ${@fmt.at(instant)}}, to the minute, in the
 * user's time zone ({@link UserZone}) and naming it; whether a page's total is exact:
 * {@code ${@fmt.exact(page)}}; how long an item has been open:
 * {@code ${@fmt.age(openedAt, closedAt)}}; how long since a moment, to two units:
 * {@code ${@fmt.since(moment)}}.
 */
@Component("fmt")
class ConsoleFormat {

	// the zone's short name in English ("MSK", "UTC") reads the same in both languages
	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

	private final MessageSource messages;

	private final Clock clock;

	ConsoleFormat(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	public String at(Instant moment) {
		return (moment != null) ? at(moment, UserZone.current()) : "";
	}

	static String at(Instant moment, ZoneId zone) {
		return MINUTES.withZone(zone).format(moment);
	}

	/**
	 * How long an open item has been open, to the largest whole unit: "5 min", "3 h", "2
	 * d" (in the page's language); nothing once it is closed.
	 */
	public String age(Instant openedAt, Instant closedAt) {
		if (openedAt == null || closedAt != null) {
			return "";
		}
		Duration open = Duration.between(openedAt, this.clock.instant());
		if (open.isNegative()) {
			open = Duration.ZERO;
		}
		String unit = (open.toDays() > 0) ? "days" : (open.toHours() > 0) ? "hours" : "minutes";
		long amount = switch (unit) {
			case "days" -> open.toDays();
			case "hours" -> open.toHours();
			default -> open.toMinutes();
		};
		return this.messages.getMessage("age." + unit, new Object[] { amount }, LocaleContextHolder.getLocale());
	}

	/**
	 * How long since that moment, in its two largest units: "2 d 5 h", "3 h 12 min", "7
	 * min" (in the page's language): how long the oldest item has waited, or an incident
	 * on hold.
	 */
	public String since(Instant moment) {
		if (moment == null) {
			return "";
		}
		Duration waited = Duration.between(moment, this.clock.instant());
		if (waited.isNegative()) {
			waited = Duration.ZERO;
		}
		Object[] units;
		String key;
		if (waited.toDays() > 0) {
			key = "since.days";
			units = new Object[] { waited.toDays(), waited.toHoursPart() };
		}
		else if (waited.toHours() > 0) {
			key = "since.hours";
			units = new Object[] { waited.toHours(), waited.toMinutesPart() };
		}
		else {
			key = "age.minutes";
			units = new Object[] { waited.toMinutes() };
		}
		return this.messages.getMessage(key, units, LocaleContextHolder.getLocale());
	}

	/** Whether the page's total is the list's size, not "more than" (a capped count). */
	public boolean exact(Page<?> page) {
		return !(page instanceof CappedPage<?> capped) || capped.isTotalExact();
	}

}
