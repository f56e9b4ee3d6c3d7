package ru.telecom.crm.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

/**
 * The calendars of the unit tests, written out here rather than read from the demo seed,
 * so that each expected instant can be checked against what is on this page.
 */
final class TestCalendars {

	static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/**
	 * The weekday holidays of 2026 in Russia: Jan 1, 2, 5–9; Feb 23; Mar 9; May 1, 11;
	 * Jun 12; Nov 4; Dec 31.
	 */
	static final Set<LocalDate> RUSSIA_2026 = Set.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02"),
			LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-06"), LocalDate.parse("2026-01-07"),
			LocalDate.parse("2026-01-08"), LocalDate.parse("2026-01-09"), LocalDate.parse("2026-02-23"),
			LocalDate.parse("2026-03-09"), LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-11"),
			LocalDate.parse("2026-06-12"), LocalDate.parse("2026-11-04"), LocalDate.parse("2026-12-31"));

	/** Work group 100: Mon–Fri 09:00–13:00 and 14:00–18:00, Moscow, Russian holidays. */
	static final BusinessCalendar OFFICE = new BusinessCalendar("msk-office", MOSCOW,
			hours(List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), "09:00", "13:00", "14:00", "18:00"),
			RUSSIA_2026);

	/** Work group 200: around the clock, Moscow. */
	static final BusinessCalendar AROUND_THE_CLOCK = BusinessCalendar.aroundTheClock("msk-24x7", MOSCOW);

	/** The helpdesk: Mon–Sat 08:00–20:00, Moscow, Russian holidays. */
	static final BusinessCalendar HELPDESK = new BusinessCalendar("msk-helpdesk", MOSCOW,
			hours(List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY), "08:00", "20:00"), RUSSIA_2026);

	/** A night shift, Monday night to Saturday morning: 22:00–24:00 and 00:00–06:00. */
	static final BusinessCalendar NIGHT_SHIFT = new BusinessCalendar("msk-night", MOSCOW,
			concat(hours(List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), "22:00", "24:00"),
					hours(List.of(TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY), "00:00", "06:00")),
			Set.of());

	/** Mon–Fri 09:00–17:00, Berlin. */
	static final BusinessCalendar BERLIN_OFFICE = new BusinessCalendar("berlin", BERLIN,
			hours(List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), "09:00", "17:00"), Set.of());

	static final BusinessCalendar BERLIN_AROUND_THE_CLOCK = BusinessCalendar.aroundTheClock("berlin-24x7", BERLIN);

	/**
	 * Sundays only, around the hour Berlin's clocks change (02:00–03:00 skipped on 29
	 * March 2026, lived twice on 25 October 2026): 01:00–02:30 reaches into the hour,
	 * 02:35–02:50 lies in it, 02:55–04:00 starts in it. On an ordinary Sunday 2 h 50 min.
	 */
	static final BusinessCalendar BERLIN_SUNDAY_NIGHT = new BusinessCalendar("berlin-sunday", BERLIN,
			List.of(WorkingHours.of(SUNDAY, "01:00", "02:30"), WorkingHours.of(SUNDAY, "02:35", "02:50"),
					WorkingHours.of(SUNDAY, "02:55", "04:00")),
			Set.of());

	static final Map<String, BusinessCalendar> ALL = Map.of("OFFICE", OFFICE, "AROUND_THE_CLOCK", AROUND_THE_CLOCK,
			"HELPDESK", HELPDESK, "NIGHT_SHIFT", NIGHT_SHIFT, "BERLIN_OFFICE", BERLIN_OFFICE, "BERLIN_AROUND_THE_CLOCK",
			BERLIN_AROUND_THE_CLOCK, "BERLIN_SUNDAY_NIGHT", BERLIN_SUNDAY_NIGHT);

	private TestCalendars() {
	}

	/** The same intervals (pairs of from and to) on each of the days. */
	static List<WorkingHours> hours(List<DayOfWeek> days, String... fromTo) {
		List<WorkingHours> hours = new ArrayList<>();
		for (DayOfWeek day : days) {
			for (int i = 0; i < fromTo.length; i += 2) {
				hours.add(WorkingHours.of(day, fromTo[i], fromTo[i + 1]));
			}
		}
		return hours;
	}

	private static List<WorkingHours> concat(List<WorkingHours> first, List<WorkingHours> second) {
		List<WorkingHours> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
