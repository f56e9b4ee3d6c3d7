package ru.telecom.crm.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The working-time arithmetic against instants worked out by hand: each row says the
 * local times it stands for (Moscow is UTC+3 all year; Berlin UTC+1, and UTC+2 from 29
 * March to 25 October 2026).
 */
class WorkingTimeTests {

	@ParameterizedTest(name = "{0}: {4}")
	@CsvSource(delimiter = '|',
			textBlock = """
					OFFICE                  | 2026-03-03T07:00:00Z | PT2H     | 2026-03-03T09:00:00Z | Tue 10:00 + 2 h = 12:00, inside the morning
					OFFICE                  | 2026-03-03T09:00:00Z | PT2H     | 2026-03-03T12:00:00Z | Tue 12:00 + 2 h = 15:00, the lunch hour skipped
					OFFICE                  | 2026-03-03T06:00:00Z | PT4H     | 2026-03-03T10:00:00Z | Tue 09:00 + 4 h = 13:00, the end of the morning, not 14:00
					OFFICE                  | 2026-03-03T10:30:00Z | PT30M    | 2026-03-03T11:30:00Z | opened at lunch, Tue 13:30: starts at 14:00, due 14:30
					OFFICE                  | 2026-03-03T04:15:00Z | PT1H     | 2026-03-03T07:00:00Z | opened before hours, Tue 07:15: due 10:00
					OFFICE                  | 2026-03-03T16:00:00Z | PT1H     | 2026-03-04T07:00:00Z | opened after hours, Tue 19:00: due Wed 10:00
					OFFICE                  | 2026-03-06T14:00:00Z | PT2H     | 2026-03-10T07:00:00Z | Fri 17:00 + 2 h: the weekend and Mon 9 March (a holiday) skipped, Tue 10:00
					OFFICE                  | 2026-03-14T08:00:00Z | PT4H     | 2026-03-16T10:00:00Z | opened on Saturday 11:00: due Mon 13:00
					OFFICE                  | 2025-12-29T07:00:00Z | PT24H    | 2026-01-12T07:00:00Z | Mon 29 Dec 10:00 + 3 days: 7 + 8 + 8 h to 31 Dec, New Year holidays to 11 Jan, Mon 12 Jan 10:00
					OFFICE                  | 2026-04-29T13:00:00Z | PT72H    | 2026-05-14T13:00:00Z | Wed 29 Apr 16:00 + 9 days, 1 and 11 May holidays: Thu 14 May 16:00
					OFFICE                  | 2026-06-01T06:00:00Z | PT2000H  | 2027-05-19T15:00:00Z | Mon 1 Jun 09:00 + 250 working days (12 Jun, 4 Nov, 31 Dec off): Wed 19 May 2027 18:00
					OFFICE                  | 2026-03-03T16:00:00Z | PT0S     | 2026-03-03T16:00:00Z | no work: the start itself, even after hours
					AROUND_THE_CLOCK        | 2026-03-07T20:30:00Z | PT4H     | 2026-03-08T00:30:00Z | Sat 23:30 + 4 h = Sun 03:30, across midnight
					AROUND_THE_CLOCK        | 2026-01-01T00:00:00Z | PT1000H  | 2026-02-11T16:00:00Z | 1000 h around the clock: 41 days 16 h
					HELPDESK                | 2026-03-07T16:00:00Z | PT2H     | 2026-03-10T06:00:00Z | Sat 19:00 + 2 h: 1 h Saturday, Sunday closed, Mon 9 March a holiday, Tue 09:00
					NIGHT_SHIFT             | 2026-03-02T20:00:00Z | PT3H     | 2026-03-02T23:00:00Z | Mon 23:00 + 3 h through midnight: Tue 02:00
					NIGHT_SHIFT             | 2026-03-07T02:00:00Z | PT2H     | 2026-03-09T20:00:00Z | Sat 05:00 + 2 h: 1 h to 06:00, the next shift Mon 22:00, due 23:00
					BERLIN_OFFICE           | 2026-03-23T08:00:00Z | PT8H     | 2026-03-23T16:00:00Z | Mon 23 Mar 09:00 CET + 8 h = 17:00 CET
					BERLIN_OFFICE           | 2026-03-27T15:00:00Z | PT2H     | 2026-03-30T08:00:00Z | Fri 27 Mar 16:00 CET + 2 h over the spring change: Mon 10:00 CEST
					BERLIN_OFFICE           | 2026-03-29T10:00:00Z | PT1H     | 2026-03-30T08:00:00Z | opened on the Sunday of the change, 12:00 CEST: Mon 10:00 CEST
					BERLIN_OFFICE           | 2026-03-30T07:00:00Z | PT8H     | 2026-03-30T15:00:00Z | Mon 30 Mar 09:00 CEST + 8 h = 17:00 CEST, wall-clock hours kept
					BERLIN_OFFICE           | 2026-10-23T14:00:00Z | PT2H     | 2026-10-26T09:00:00Z | Fri 23 Oct 16:00 CEST + 2 h over the autumn change: Mon 10:00 CET
					BERLIN_OFFICE           | 2026-03-02T08:00:00Z | PT1600H  | 2026-12-04T16:00:00Z | Mon 2 Mar 09:00 CET + 200 working days across both changes: Fri 4 Dec 17:00 CET
					BERLIN_AROUND_THE_CLOCK | 2026-03-28T11:00:00Z | PT24H    | 2026-03-29T11:00:00Z | Sat 12:00 CET + 24 h: Sun 13:00 CEST, the day had 23 hours
					BERLIN_AROUND_THE_CLOCK | 2026-10-24T10:00:00Z | PT24H    | 2026-10-25T10:00:00Z | Sat 12:00 CEST + 24 h: Sun 11:00 CET, the day had 25 hours
					BERLIN_SUNDAY_NIGHT     | 2026-03-29T00:30:00Z | PT45M    | 2026-03-29T01:15:00Z | 01:30 CET + 45 min: 30 min to the jump, 02:35–02:50 skipped, 03:15 CEST
					BERLIN_SUNDAY_NIGHT     | 2026-10-24T23:00:00Z | PT2H     | 2026-10-25T01:10:00Z | 01:00 CEST + 2 h: 01:00–02:30 and 02:35–02:50 CEST, then from 02:55 CEST on: 02:10 CET
					""")
	void workingTimeIsAddedInWallClockHours(String calendar, Instant start, Duration work, Instant expected,
			String why) {
		WorkingTime time = new WorkingTime(TestCalendars.ALL.get(calendar));

		assertThat(time.addWorkingTime(start, work)).as(why).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}: {4}")
	@CsvSource(delimiter = '|',
			textBlock = """
					OFFICE                  | 2026-03-03T07:00:00Z | 2026-03-03T12:00:00Z | PT4H     | Tue 10:00 to 15:00 less the lunch hour
					OFFICE                  | 2026-03-03T10:15:00Z | 2026-03-03T10:45:00Z | PT0S     | inside the lunch hour
					OFFICE                  | 2026-03-03T12:00:00Z | 2026-03-03T07:00:00Z | PT0S     | the end before the start
					OFFICE                  | 2026-03-06T14:00:00Z | 2026-03-10T07:00:00Z | PT2H     | Fri 17:00 to Tue 10:00 over a weekend and a holiday
					OFFICE                  | 2025-12-31T21:00:00Z | 2026-12-31T21:00:00Z | PT1976H  | the year 2026: 261 weekdays, 14 of them holidays, 8 h each
					AROUND_THE_CLOCK        | 2026-01-01T00:00:00Z | 2036-01-01T00:00:00Z | PT87648H | ten years around the clock: 3652 days
					HELPDESK                | 2026-03-08T21:00:00Z | 2026-03-15T21:00:00Z | PT60H    | the week of 9 March: Tue to Sat, 12 h a day
					NIGHT_SHIFT             | 2026-03-02T17:00:00Z | 2026-03-03T05:00:00Z | PT8H     | Mon 20:00 to Tue 08:00: the whole overnight shift
					BERLIN_OFFICE           | 2026-03-27T15:00:00Z | 2026-03-30T08:00:00Z | PT2H     | Fri 16:00 CET to Mon 10:00 CEST
					BERLIN_OFFICE           | 2026-03-22T23:00:00Z | 2026-04-05T22:00:00Z | PT80H    | two weeks around the spring change, 10 days of 8 h
					BERLIN_OFFICE           | 2025-12-31T23:00:00Z | 2026-12-31T23:00:00Z | PT2088H  | the year 2026 in Berlin: 261 days of 8 h, both changes inside
					BERLIN_AROUND_THE_CLOCK | 2026-03-27T23:00:00Z | 2026-03-29T22:00:00Z | PT47H    | the spring weekend, midnight to midnight
					BERLIN_AROUND_THE_CLOCK | 2026-10-23T22:00:00Z | 2026-10-25T23:00:00Z | PT49H    | the autumn weekend, midnight to midnight
					BERLIN_SUNDAY_NIGHT     | 2026-03-21T00:00:00Z | 2026-03-23T00:00:00Z | PT2H50M  | an ordinary Sunday: 1 h 30 + 15 min + 1 h 05
					BERLIN_SUNDAY_NIGHT     | 2026-03-28T00:00:00Z | 2026-03-30T00:00:00Z | PT2H     | 29 March: shortened to the jump, empty, started at the jump
					BERLIN_SUNDAY_NIGHT     | 2026-10-24T00:00:00Z | 2026-10-26T00:00:00Z | PT3H50M  | 25 October: the last interval holds the hour lived twice
					""")
	void workingTimeBetweenTwoInstants(String calendar, Instant from, Instant to, Duration expected, String why) {
		WorkingTime time = new WorkingTime(TestCalendars.ALL.get(calendar));

		assertThat(time.workingTimeBetween(from, to)).as(why).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					OFFICE        | 2026-03-03T10:30:00Z | 2026-03-03T11:00:00Z | Tue 13:30, lunch: 14:00
					OFFICE        | 2026-03-03T08:00:00Z | 2026-03-03T08:00:00Z | Tue 11:00, working
					OFFICE        | 2026-03-06T15:00:00Z | 2026-03-10T06:00:00Z | Fri 18:00, the end of the week: Tue 09:00 after the holiday
					NIGHT_SHIFT   | 2026-03-02T21:00:00Z | 2026-03-02T21:00:00Z | Tue 00:00, inside the overnight shift
					BERLIN_OFFICE | 2026-03-28T12:00:00Z | 2026-03-30T07:00:00Z | Saturday before the change: Mon 09:00 CEST
					""")
	void theNextWorkingInstant(String calendar, Instant instant, Instant expected, String why) {
		WorkingTime time = new WorkingTime(TestCalendars.ALL.get(calendar));

		assertThat(time.nextWorkingInstant(instant)).as(why).isEqualTo(expected);
		assertThat(time.isWorking(instant)).as(why).isEqualTo(instant.equals(expected));
	}

	@Test
	void addingAndMeasuringAgreeEverywhere() {
		// the two walks are written apart; any disagreement between them is a bug in one
		Random random = new Random(15);
		Instant origin = Instant.parse("2025-12-01T00:00:00Z");
		for (BusinessCalendar calendar : TestCalendars.ALL.values()) {
			WorkingTime time = new WorkingTime(calendar);
			for (int i = 0; i < 400; i++) {
				Instant start = origin.plusSeconds(random.nextLong(400L * 24 * 3600));
				Duration work = Duration.ofSeconds(random.nextLong(1, 120L * 3600));
				Instant end = time.addWorkingTime(start, work);

				assertThat(time.workingTimeBetween(start, end)).as("%s from %s plus %s", calendar.code(), start, work)
					.isEqualTo(work);
				assertThat(time.workingTimeBetween(start, end.minusNanos(1))).isLessThan(work);
			}
		}
	}

	@Test
	void holidaysTakeTheWholeDay() {
		WorkingTime time = new WorkingTime(TestCalendars.AROUND_THE_CLOCK);
		WorkingTime withHoliday = new WorkingTime(new BusinessCalendar("x", TestCalendars.MOSCOW,
				TestCalendars.AROUND_THE_CLOCK.hours(), Set.of(LocalDate.parse("2026-03-08"))));
		Instant from = Instant.parse("2026-03-06T21:00:00Z");
		Instant to = Instant.parse("2026-03-09T21:00:00Z");

		assertThat(time.workingTimeBetween(from, to)).isEqualTo(Duration.ofHours(72));
		assertThat(withHoliday.workingTimeBetween(from, to)).isEqualTo(Duration.ofHours(48));
	}

	@Test
	void negativeWorkIsRefused() {
		WorkingTime time = new WorkingTime(TestCalendars.OFFICE);

		assertThatThrownBy(() -> time.addWorkingTime(Instant.EPOCH, Duration.ofMinutes(-1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aCalendarRefusesOverlapsAndEmptiness() {
		assertThatThrownBy(() -> new BusinessCalendar("x", TestCalendars.MOSCOW,
				List.of(WorkingHours.of(DayOfWeek.MONDAY, "09:00", "13:00"),
						WorkingHours.of(DayOfWeek.MONDAY, "12:00", "18:00")),
				Set.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("overlaps");
		assertThatThrownBy(() -> new BusinessCalendar("x", TestCalendars.MOSCOW, List.of(), Set.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no working hours");
	}

	@Test
	void hoursAreWrittenHoursAndMinutesUpTo24() {
		assertThat(WorkingHours.of(DayOfWeek.FRIDAY, "22:00", "24:00"))
			.isEqualTo(new WorkingHours(DayOfWeek.FRIDAY, 1320, 1440));
		assertThat(WorkingHours.of(DayOfWeek.FRIDAY, "22:00", "24:00").to()).isEqualTo("24:00");
		assertThatThrownBy(() -> WorkingHours.minuteOf("24:30")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> WorkingHours.minuteOf("9:00")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> WorkingHours.of(DayOfWeek.FRIDAY, "18:00", "09:00"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
