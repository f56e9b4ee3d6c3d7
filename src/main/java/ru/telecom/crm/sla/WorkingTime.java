package ru.telecom.crm.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import ru.telecom.crm.sla.BusinessCalendar.Span;

/**
 * Working-time arithmetic over one {@link BusinessCalendar}, exact to the nanosecond. It
 * walks the calendar day by day and skips whole weeks without holidays or clock changes
 * at once, so a span of years costs about as much as a few weeks.
 */
public final class WorkingTime {

	private final BusinessCalendar calendar;

	public WorkingTime(BusinessCalendar calendar) {
		this.calendar = Objects.requireNonNull(calendar, "calendar");
	}

	public BusinessCalendar calendar() {
		return this.calendar;
	}

	/**
	 * The earliest instant by which {@code work} of working time has passed after
	 * {@code start}. A start outside working hours begins at the next working instant;
	 * the answer is the end of an interval when the work ends exactly there (13:00, not
	 * the 14:00 after lunch). No work: {@code start} itself.
	 */
	public Instant addWorkingTime(Instant start, Duration work) {
		if (work.isNegative()) {
			throw new IllegalArgumentException("negative working time: " + work);
		}
		if (work.isZero()) {
			return start;
		}
		Duration remaining = work;
		Duration week = this.calendar.nominalWeek();
		LocalDate day = this.calendar.dateOf(start);
		while (true) {
			if (!this.calendar.instantOf(day, 0).isBefore(start)) {
				// whole weeks ahead: skip those that leave some work for a later day
				long weeks = this.calendar.regularWeeksFrom(day, remaining.minusNanos(1).dividedBy(week));
				if (weeks > 0) {
					remaining = remaining.minus(week.multipliedBy(weeks));
					day = day.plusWeeks(weeks);
					continue;
				}
			}
			for (Span span : this.calendar.spansOn(day)) {
				Instant from = later(span.start(), start);
				if (!from.isBefore(span.end())) {
					continue;
				}
				Duration available = Duration.between(from, span.end());
				if (remaining.compareTo(available) <= 0) {
					return from.plus(remaining);
				}
				remaining = remaining.minus(available);
			}
			day = day.plusDays(1);
		}
	}

	/**
	 * The working time in {@code [from, to)}; zero when {@code to} is not after
	 * {@code from}.
	 */
	public Duration workingTimeBetween(Instant from, Instant to) {
		if (!from.isBefore(to)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		Duration week = this.calendar.nominalWeek();
		LocalDate day = this.calendar.dateOf(from);
		LocalDate last = this.calendar.dateOf(to);
		while (!day.isAfter(last)) {
			if (!this.calendar.instantOf(day, 0).isBefore(from)) {
				// whole weeks that end by the start of the last day lie inside [from, to)
				long weeks = this.calendar.regularWeeksFrom(day, ChronoUnit.DAYS.between(day, last) / 7);
				if (weeks > 0) {
					total = total.plus(week.multipliedBy(weeks));
					day = day.plusWeeks(weeks);
					continue;
				}
			}
			for (Span span : this.calendar.spansOn(day)) {
				Instant start = later(span.start(), from);
				Instant end = earlier(span.end(), to);
				if (start.isBefore(end)) {
					total = total.plus(Duration.between(start, end));
				}
			}
			day = day.plusDays(1);
		}
		return total;
	}

	/**
	 * {@code instant} itself inside working hours, else the start of the next interval.
	 */
	public Instant nextWorkingInstant(Instant instant) {
		LocalDate day = this.calendar.dateOf(instant);
		while (true) {
			for (Span span : this.calendar.spansOn(day)) {
				if (instant.isBefore(span.end())) {
					return later(span.start(), instant);
				}
			}
			day = day.plusDays(1);
		}
	}

	/** Whether {@code instant} lies inside working hours. */
	public boolean isWorking(Instant instant) {
		return nextWorkingInstant(instant).equals(instant);
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
