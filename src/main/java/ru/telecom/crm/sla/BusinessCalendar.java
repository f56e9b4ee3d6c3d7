package ru.telecom.crm.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a team works: intervals per weekday in wall-clock time of a time zone, and
 * holidays (whole days off). Immutable; {@link WorkingTime} does the arithmetic over it.
 * <p>
 * Wall-clock hours stay wall-clock hours across daylight-saving changes: 09:00–17:00 is
 * 09:00–17:00 local time on the day after the clocks moved. A local time the clocks skip
 * (spring) means the instant they jump, so an interval reaching into the gap is
 * shortened, never shifted, and one inside it is empty; a local time that happens twice
 * (autumn) means its first occurrence.
 */
public final class BusinessCalendar {

	private final String code;

	private final ZoneId zone;

	private final ZoneRules rules;

	private final List<WorkingHours> hours;

	/**
	 * The intervals of each weekday (index {@code DayOfWeek.getValue() - 1}), in order.
	 */
	private final List<List<WorkingHours>> byDay;

	private final NavigableSet<LocalDate> holidays;

	private final Duration week;

	/**
	 * The intervals of the dates asked lately, as instants: a report reads the clocks of
	 * hundreds of thousands of incidents over the same year of days. Cleared when full;
	 * the calendar never changes, so an entry never goes stale.
	 */
	private final Map<LocalDate, List<Span>> spans = new ConcurrentHashMap<>();

	/** About ten years of days. */
	private static final int SPAN_CACHE_DAYS = 4_000;

	/**
	 * @throws IllegalArgumentException when two intervals of a day overlap or there are
	 * none at all (a clock on it would never end)
	 */
	public BusinessCalendar(String code, ZoneId zone, Collection<WorkingHours> hours, Collection<LocalDate> holidays) {
		this.code = Objects.requireNonNull(code, "code");
		this.zone = Objects.requireNonNull(zone, "zone");
		this.rules = zone.getRules();
		List<WorkingHours> sorted = new ArrayList<>(hours);
		sorted.sort(Comparator.comparing(WorkingHours::day).thenComparingInt(WorkingHours::fromMinute));
		if (sorted.isEmpty()) {
			throw new IllegalArgumentException("calendar " + code + " has no working hours");
		}
		List<List<WorkingHours>> days = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			days.add(sorted.stream().filter((interval) -> interval.day() == day).toList());
		}
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i - 1).overlaps(sorted.get(i))) {
				throw new IllegalArgumentException(sorted.get(i - 1) + " overlaps " + sorted.get(i));
			}
		}
		this.hours = List.copyOf(sorted);
		this.byDay = List.copyOf(days);
		this.holidays = new TreeSet<>(holidays);
		this.week = Duration.ofMinutes(sorted.stream().mapToInt(WorkingHours::minutes).sum());
	}

	/** Every minute of every day, holidays none. */
	public static BusinessCalendar aroundTheClock(String code, ZoneId zone) {
		return new BusinessCalendar(code, zone,
				Arrays.stream(DayOfWeek.values())
					.map((day) -> new WorkingHours(day, 0, WorkingHours.END_OF_DAY))
					.toList(),
				Set.of());
	}

	public String code() {
		return this.code;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** The working intervals, by weekday and start. */
	public List<WorkingHours> hours() {
		return this.hours;
	}

	/** The holidays, in order. */
	public NavigableSet<LocalDate> holidays() {
		return Collections.unmodifiableNavigableSet(this.holidays);
	}

	public boolean isHoliday(LocalDate date) {
		return this.holidays.contains(date);
	}

	/** The working time of a week without holidays nor clock changes. */
	public Duration nominalWeek() {
		return this.week;
	}

	/** The intervals of a date as instants, in order; none on a holiday. */
	List<Span> spansOn(LocalDate date) {
		List<Span> known = this.spans.get(date);
		if (known != null) {
			return known;
		}
		List<Span> spans = computeSpansOn(date);
		if (this.spans.size() >= SPAN_CACHE_DAYS) {
			this.spans.clear();
		}
		this.spans.put(date, spans);
		return spans;
	}

	private List<Span> computeSpansOn(LocalDate date) {
		if (this.holidays.contains(date)) {
			return List.of();
		}
		List<WorkingHours> intervals = this.byDay.get(date.getDayOfWeek().getValue() - 1);
		List<Span> spans = new ArrayList<>(intervals.size());
		for (WorkingHours interval : intervals) {
			Instant start = instantOf(date, interval.fromMinute());
			Instant end = instantOf(date, interval.toMinute());
			if (start.isBefore(end)) {
				spans.add(new Span(start, end));
			}
		}
		return List.copyOf(spans);
	}

	/**
	 * The instant of a wall-clock minute of a date: {@code 24:00} is the next day's
	 * start; in a gap the instant of the jump; in an overlap the first occurrence.
	 */
	Instant instantOf(LocalDate date, int minute) {
		if (minute == WorkingHours.END_OF_DAY) {
			return instantOf(date.plusDays(1), 0);
		}
		LocalDateTime local = date.atTime(minute / 60, minute % 60);
		ZoneOffsetTransition transition = this.rules.getTransition(local);
		if (transition != null && transition.isGap()) {
			return transition.getInstant();
		}
		// in an overlap ZonedDateTime keeps the earlier offset: the first occurrence
		return local.atZone(this.zone).toInstant();
	}

	LocalDate dateOf(Instant instant) {
		return LocalDate.ofInstant(instant, this.zone);
	}

	/**
	 * How many whole weeks from {@code day} on (at most {@code limit}) hold no holiday
	 * and no clock change, so that each has exactly the nominal working time.
	 */
	long regularWeeksFrom(LocalDate day, long limit) {
		long weeks = limit;
		LocalDate holiday = this.holidays.ceiling(day);
		if (holiday != null) {
			weeks = Math.min(weeks, ChronoUnit.DAYS.between(day, holiday) / 7);
		}
		if (weeks > 0) {
			ZoneOffsetTransition change = this.rules.nextTransition(instantOf(day, 0).minusNanos(1));
			if (change != null) {
				weeks = Math.min(weeks, ChronoUnit.DAYS.between(day, dateOf(change.getInstant())) / 7);
			}
		}
		return Math.max(weeks, 0);
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof BusinessCalendar that && this.code.equals(that.code)
				&& this.zone.equals(that.zone) && this.hours.equals(that.hours) && this.holidays.equals(that.holidays));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.code, this.zone, this.hours, this.holidays);
	}

	@Override
	public String toString() {
		return "BusinessCalendar[" + this.code + ", " + this.zone + ", " + this.hours + ", " + this.holidays.size()
				+ " holidays]";
	}

	/** A stretch of working time between two instants, {@code [start, end)}. */
	record Span(Instant start, Instant end) {
	}

}
