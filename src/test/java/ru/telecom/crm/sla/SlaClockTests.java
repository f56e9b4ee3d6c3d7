package ru.telecom.crm.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.SlaReading.Alarm;
import ru.telecom.crm.sla.SlaReading.Deadline;
import ru.telecom.crm.sla.SlaReading.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.telecom.crm.sla.TrackedStatus.ASSIGNED;
import static ru.telecom.crm.sla.TrackedStatus.CLOSED;
import static ru.telecom.crm.sla.TrackedStatus.INWORK;
import static ru.telecom.crm.sla.TrackedStatus.NEW;
import static ru.telecom.crm.sla.TrackedStatus.ON_HOLD;

/**
 * Clocks read from status histories, with every expected instant worked out by hand on
 * the work group 100 calendar (Mon–Fri 09:00–13:00 and 14:00–18:00 Moscow, UTC+3; Mon 9
 * March 2026 a holiday) or around the clock. Local times are in the comments.
 */
class SlaClockTests {

	static final SlaPolicy CRITICAL = policy(Priority.CRITICAL, 30, 240, "0.75");

	static final SlaPolicy HIGH = policy(Priority.HIGH, 60, 480, "0.8");

	static final SlaPolicy NORMAL = policy(Priority.NORMAL, 240, 1440, "0.8");

	static final SlaPolicy LOW = policy(Priority.LOW, 480, 4320, "0.8");

	/**
	 * Held and resumed four times: Mon 2 Mar 09:00 opened, 10:00 in work, on hold
	 * 11:00–15:00 and 16:00–Tue 10:00, 12:00–12:30, 17:30–Wed 09:00; by Wed 11:00 it has
	 * run 2 + 1 + 2 + 4 + 2 = 11 working hours.
	 */
	static final List<StatusChange> HELD_FOUR_TIMES = List.of(at("2026-03-02T06:00:00Z", NEW),
			at("2026-03-02T06:30:00Z", ASSIGNED), at("2026-03-02T07:00:00Z", INWORK),
			at("2026-03-02T08:00:00Z", ON_HOLD), at("2026-03-02T12:00:00Z", INWORK),
			at("2026-03-02T13:00:00Z", ON_HOLD), at("2026-03-03T07:00:00Z", INWORK),
			at("2026-03-03T09:00:00Z", ON_HOLD), at("2026-03-03T09:30:00Z", INWORK),
			at("2026-03-03T14:30:00Z", ON_HOLD), at("2026-03-04T06:00:00Z", INWORK));

	/** Wed 4 Mar 11:00. */
	static final Instant WEDNESDAY_11 = Instant.parse("2026-03-04T08:00:00Z");

	@Test
	void anIncidentTakenIntoWorkInTimeMeetsItsResponse() {
		// Tue 3 Mar: opened 10:00, assigned 11:00, in work 12:30
		List<StatusChange> history = List.of(at("2026-03-03T07:00:00Z", NEW), at("2026-03-03T08:00:00Z", ASSIGNED),
				at("2026-03-03T09:30:00Z", INWORK));

		SlaReading reading = clock(NORMAL).read(history, Instant.parse("2026-03-03T09:30:00Z"));

		// 4 h from 10:00: 3 h to 13:00, 1 h after lunch: 15:00; 80 % (3 h 12) at 14:12
		assertThat(reading.response())
			.isEqualTo(new ClockReading(Duration.ofHours(4), Duration.ofMinutes(150), instant("2026-03-03T11:12:00Z"),
					null, instant("2026-03-03T12:00:00Z"), null, instant("2026-03-03T09:30:00Z"), false));
		assertThat(reading.response().met()).isTrue();
		// 24 h from Tue 10:00: 7 h Tue, 8 h Wed, 8 h Thu, 1 h Fri: Fri 6 Mar 10:00;
		// 19 h 12 min: Thu 14:12
		assertThat(reading.resolution()).isEqualTo(new ClockReading(Duration.ofHours(24), Duration.ofMinutes(150),
				instant("2026-03-05T11:12:00Z"), null, instant("2026-03-06T07:00:00Z"), null, null, false));
		assertThat(reading.upcoming()).containsExactly(
				new Deadline(Target.RESOLUTION, Alarm.WARNING, instant("2026-03-05T11:12:00Z")),
				new Deadline(Target.RESOLUTION, Alarm.BREACH, instant("2026-03-06T07:00:00Z")));
	}

	@Test
	void anIncidentNobodyTakesBreachesItsResponseAtTheDueInstant() {
		List<StatusChange> history = List.of(at("2026-03-03T07:00:00Z", NEW), at("2026-03-03T08:00:00Z", ASSIGNED));

		// Tue 16:00: 3 h in the morning, 2 h after lunch
		SlaReading reading = clock(NORMAL).read(history, Instant.parse("2026-03-03T13:00:00Z"));

		assertThat(reading.response()).isEqualTo(new ClockReading(Duration.ofHours(4), Duration.ofHours(5),
				instant("2026-03-03T11:12:00Z"), instant("2026-03-03T11:12:00Z"), instant("2026-03-03T12:00:00Z"),
				instant("2026-03-03T12:00:00Z"), null, false));
		assertThat(reading.response().remaining()).isZero();
		assertThat(reading.upcoming()).extracting(Deadline::target).containsOnly(Target.RESOLUTION);
	}

	@Test
	void anIncidentOpenedOnSaturdayStartsItsClocksOnTheNextWorkingMorning() {
		// Sat 7 Mar 10:00; Mon 9 Mar is a holiday, so the clocks start Tue 10 Mar 09:00
		SlaReading reading = clock(CRITICAL).read(List.of(at("2026-03-07T07:00:00Z", NEW)),
				Instant.parse("2026-03-07T07:00:00Z"));

		// 75 % of 30 min is 22 min 30 s; of 4 h, 3 h
		assertThat(reading.upcoming()).containsExactly(
				new Deadline(Target.RESPONSE, Alarm.WARNING, instant("2026-03-10T06:22:30Z")),
				new Deadline(Target.RESPONSE, Alarm.BREACH, instant("2026-03-10T06:30:00Z")),
				new Deadline(Target.RESOLUTION, Alarm.WARNING, instant("2026-03-10T09:00:00Z")),
				new Deadline(Target.RESOLUTION, Alarm.BREACH, instant("2026-03-10T10:00:00Z")));
		assertThat(reading.resolution().used()).isZero();
	}

	@Test
	void holdingStopsTheResolutionClockAndResumingContinuesIt() {
		SlaReading reading = clock(NORMAL).read(HELD_FOUR_TIMES, WEDNESDAY_11);

		// 24 h - 9 h used before Wed 09:00 = 15 h from then: 8 h Wed, Thu 17:00;
		// the warning (19 h 12) 10 h 12 after Wed 09:00: Thu 11:12
		assertThat(reading.resolution()).isEqualTo(new ClockReading(Duration.ofHours(24), Duration.ofHours(11),
				instant("2026-03-05T08:12:00Z"), null, instant("2026-03-05T14:00:00Z"), null, null, false));
		// the response stopped at Mon 10:00, due at 13:00
		assertThat(reading.response())
			.isEqualTo(new ClockReading(Duration.ofHours(4), Duration.ofHours(1), instant("2026-03-02T09:12:00Z"), null,
					instant("2026-03-02T10:00:00Z"), null, instant("2026-03-02T07:00:00Z"), false));
	}

	@Test
	void aHeldClockHasNoDueInstantAndNothingAhead() {
		// Tue 12:15, on hold since 12:00 with 5 h used
		SlaReading reading = clock(NORMAL).read(HELD_FOUR_TIMES, Instant.parse("2026-03-03T09:15:00Z"));

		assertThat(reading.resolution())
			.isEqualTo(new ClockReading(Duration.ofHours(24), Duration.ofHours(5), null, null, null, null, null, true));
		assertThat(reading.resolution().remaining()).isEqualTo(Duration.ofHours(19));
		assertThat(reading.upcoming()).isEmpty();
	}

	@Test
	void closingInTimeMeetsTheResolutionAfterItsWarning() {
		// closed Thu 5 Mar 16:00: 9 + 8 + 6 = 23 h used, the warning at 11:12 passed
		SlaReading reading = clock(NORMAL).read(with(HELD_FOUR_TIMES, at("2026-03-05T13:00:00Z", CLOSED)),
				Instant.parse("2026-03-06T00:00:00Z"));

		assertThat(reading.resolution()).isEqualTo(new ClockReading(Duration.ofHours(24), Duration.ofHours(23),
				instant("2026-03-05T08:12:00Z"), instant("2026-03-05T08:12:00Z"), instant("2026-03-05T14:00:00Z"), null,
				instant("2026-03-05T13:00:00Z"), false));
		assertThat(reading.resolution().met()).isTrue();
		assertThat(reading.upcoming()).isEmpty();
	}

	@Test
	void closingLateRecordsTheBreachAtTheDueInstant() {
		// closed Thu 18:00, an hour after the due 17:00: 25 h used
		SlaReading reading = clock(NORMAL).read(with(HELD_FOUR_TIMES, at("2026-03-05T15:00:00Z", CLOSED)),
				Instant.parse("2026-03-06T00:00:00Z"));

		assertThat(reading.resolution().breachedAt()).isEqualTo(instant("2026-03-05T14:00:00Z"));
		assertThat(reading.resolution().used()).isEqualTo(Duration.ofHours(25));
		assertThat(reading.resolution().met()).isFalse();
	}

	@Test
	void closingWhileHeldStopsTheClockWithTheTimeItHad() {
		// on hold from Tue 17:30, closed Wed 09:00 without resuming
		List<StatusChange> history = with(HELD_FOUR_TIMES.subList(0, 10), at("2026-03-04T06:00:00Z", CLOSED));

		SlaReading reading = clock(NORMAL).read(history, WEDNESDAY_11);

		assertThat(reading.resolution()).isEqualTo(new ClockReading(Duration.ofHours(24), Duration.ofHours(9), null,
				null, null, null, instant("2026-03-04T06:00:00Z"), false));
		assertThat(reading.resolution().met()).isTrue();
	}

	@Test
	void aPriorityChangeReadsTheSameHistoryUnderTheNewTargets() {
		SlaReading normal = clock(NORMAL).read(HELD_FOUR_TIMES, WEDNESDAY_11);
		SlaReading high = clock(HIGH).read(HELD_FOUR_TIMES, WEDNESDAY_11);
		SlaReading low = clock(LOW).read(HELD_FOUR_TIMES, WEDNESDAY_11);

		// the time used is the history's, whatever the policy: neither lost nor doubled
		assertThat(List.of(normal, high, low)).allSatisfy((reading) -> {
			assertThat(reading.resolution().used()).isEqualTo(Duration.ofHours(11));
			assertThat(reading.response().used()).isEqualTo(Duration.ofHours(1));
		});
		// raised to HIGH (8 h): reached on Tue in the run from 12:30, 3 h after 5 h used:
		// 16:30; the warning (6 h 24) at 14:54; both in the past, so breached then
		assertThat(high.resolution()).isEqualTo(new ClockReading(Duration.ofHours(8), Duration.ofHours(11),
				instant("2026-03-03T11:54:00Z"), instant("2026-03-03T11:54:00Z"), instant("2026-03-03T13:30:00Z"),
				instant("2026-03-03T13:30:00Z"), null, false));
		// HIGH's response (1 h) was due Mon 10:00, the very instant work started: met
		assertThat(high.response().dueAt()).isEqualTo(instant("2026-03-02T07:00:00Z"));
		assertThat(high.response().warnedAt()).isEqualTo(instant("2026-03-02T06:48:00Z"));
		assertThat(high.response().met()).isTrue();
		// lowered to LOW (72 h): 63 h left from Wed 09:00, Mon 9 Mar a holiday: Mon 16
		// Mar 17:00
		assertThat(low.resolution().dueAt()).isEqualTo(instant("2026-03-16T14:00:00Z"));
		assertThat(low.resolution().breached()).isFalse();
		assertThat(low.response().dueAt()).isEqualTo(instant("2026-03-02T15:00:00Z"));
	}

	@Test
	void aroundTheClockEveryHeldMinuteIsLeftOut() {
		// group 200: opened Sat 7 Mar 20:00 UTC, held three times
		List<StatusChange> history = List.of(at("2026-03-07T20:00:00Z", NEW), at("2026-03-07T21:00:00Z", INWORK),
				at("2026-03-07T22:00:00Z", ON_HOLD), at("2026-03-08T02:00:00Z", INWORK),
				at("2026-03-08T03:30:00Z", ON_HOLD), at("2026-03-08T05:00:00Z", INWORK),
				at("2026-03-08T05:10:00Z", ON_HOLD), at("2026-03-09T00:00:00Z", INWORK));

		SlaReading reading = new SlaClock(TestCalendars.AROUND_THE_CLOCK, NORMAL).read(history,
				Instant.parse("2026-03-09T01:00:00Z"));

		// 2 h + 1 h 30 + 10 min before the last resume, 1 h since: 4 h 40; 20 h 20 left
		// from 00:00, the warning 15 h 32 after it
		assertThat(reading.resolution()).isEqualTo(new ClockReading(Duration.ofHours(24), Duration.ofMinutes(280),
				instant("2026-03-09T15:32:00Z"), null, instant("2026-03-09T20:20:00Z"), null, null, false));
		assertThat(reading.response().dueAt()).isEqualTo(instant("2026-03-08T00:00:00Z"));
		assertThat(reading.response().met()).isTrue();
	}

	@Test
	void rowsAreReadInTimeOrderAndNotBeyondNow() {
		List<StatusChange> shuffled = new ArrayList<>(HELD_FOUR_TIMES);
		Collections.reverse(shuffled);
		shuffled.add(at("2026-03-20T10:00:00Z", CLOSED));

		SlaReading reading = clock(NORMAL).read(shuffled, WEDNESDAY_11);

		assertThat(reading).isEqualTo(clock(NORMAL).read(HELD_FOUR_TIMES, WEDNESDAY_11));
		assertThat(reading.resolution().stoppedAt()).isNull();
	}

	@Test
	void aClockNeedsTheIncidentsCreation() {
		assertThatThrownBy(() -> clock(NORMAL).read(List.of(), WEDNESDAY_11))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aStatusRowReadsByItsName() {
		assertThat(StatusChange.of(WEDNESDAY_11, "ON_HOLD")).isEqualTo(new StatusChange(WEDNESDAY_11, ON_HOLD));
	}

	private static SlaClock clock(SlaPolicy policy) {
		return new SlaClock(TestCalendars.OFFICE, policy);
	}

	private static SlaPolicy policy(Priority priority, int response, int resolution, String warnAt) {
		return new SlaPolicy(null, priority, Duration.ofMinutes(response), Duration.ofMinutes(resolution),
				new BigDecimal(warnAt), List.of(Escalation.parse("ENGINEER"), Escalation.parse("GROUP_MANAGER")));
	}

	private static StatusChange at(String instant, TrackedStatus status) {
		return new StatusChange(Instant.parse(instant), status);
	}

	private static Instant instant(String text) {
		return Instant.parse(text);
	}

	private static List<StatusChange> with(List<StatusChange> history, StatusChange next) {
		List<StatusChange> longer = new ArrayList<>(history);
		longer.add(next);
		return longer;
	}

}
