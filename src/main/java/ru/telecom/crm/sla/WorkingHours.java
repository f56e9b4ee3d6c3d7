package ru.telecom.crm.sla;

import java.time.DayOfWeek;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One working interval of a weekday, {@code [from, to)} in wall-clock minutes of the day.
 * It never crosses midnight (an overnight shift is two intervals, one on each day); its
 * end may be {@code 24:00}, the next midnight, so that a 24×7 calendar is
 * {@code 00:00–24:00} every day.
 *
 * @param fromMinute the start, minutes after midnight (0 to 1439)
 * @param toMinute the end, minutes after midnight (after the start, at most 1440)
 */
public record WorkingHours(DayOfWeek day, int fromMinute, int toMinute) {

	/** Minutes in a day: the end {@code 24:00}. */
	public static final int END_OF_DAY = 24 * 60;

	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");

	public WorkingHours {
		if (day == null) {
			throw new IllegalArgumentException("a weekday is required");
		}
		if (fromMinute < 0 || toMinute > END_OF_DAY || fromMinute >= toMinute) {
			throw new IllegalArgumentException("working hours run from 00:00 to 24:00 and end after they start: "
					+ text(fromMinute) + "–" + text(toMinute));
		}
	}

	/** From times written {@code HH:mm} ({@code 24:00} for the end of the day). */
	public static WorkingHours of(DayOfWeek day, String from, String to) {
		return new WorkingHours(day, minuteOf(from), minuteOf(to));
	}

	/**
	 * The minute of the day a {@code HH:mm} time names, {@code 24:00} being 1440.
	 * @throws IllegalArgumentException for anything else
	 */
	public static int minuteOf(String time) {
		Matcher matcher = TIME.matcher((time != null) ? time.strip() : "");
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + time + "' is not a time HH:mm");
		}
		int minute = Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
		if (minute > END_OF_DAY) {
			throw new IllegalArgumentException("'" + time + "' is after 24:00");
		}
		return minute;
	}

	/** A minute of the day as {@code HH:mm}. */
	public static String text(int minute) {
		return "%02d:%02d".formatted(minute / 60, minute % 60);
	}

	public String from() {
		return text(this.fromMinute);
	}

	public String to() {
		return text(this.toMinute);
	}

	public int minutes() {
		return this.toMinute - this.fromMinute;
	}

	/** Whether the two share a moment (touching ends do not). */
	public boolean overlaps(WorkingHours other) {
		return this.day == other.day && this.fromMinute < other.toMinute && other.fromMinute < this.toMinute;
	}

	@Override
	public String toString() {
		return this.day + " " + from() + "–" + to();
	}

}
