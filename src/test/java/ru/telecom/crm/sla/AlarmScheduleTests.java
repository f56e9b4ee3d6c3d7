package ru.telecom.crm.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.AlarmSchedule.Alarm;
import ru.telecom.crm.sla.AlarmSchedule.Kind;
import ru.telecom.crm.sla.SlaReading.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static ru.telecom.crm.sla.TrackedStatus.CLOSED;
import static ru.telecom.crm.sla.TrackedStatus.INWORK;
import static ru.telecom.crm.sla.TrackedStatus.NEW;
import static ru.telecom.crm.sla.TrackedStatus.ON_HOLD;

/**
 * Warnings, breaches and escalation levels placed on the test calendars, every instant
 * worked out by hand (local times in the comments; Moscow is UTC+3, Berlin UTC+2 until 25
 * October 2026 03:00 and UTC+1 after; Mon 9 March 2026 is a holiday of the office and the
 * helpdesk, whose hours are Mon–Sat 08:00–20:00).
 */
class AlarmScheduleTests {

	static final List<Escalation> TWO_LEVELS = chain("ENGINEER", "GROUP_MANAGER");

	static final List<Escalation> FOUR_LEVELS = chain("ENGINEER", "GROUP_MANAGER", "AGENT_MANAGER",
			"HEAD_OF_SUPPORT:head@telecom.example");

	static final SlaPolicy NORMAL = policy(Priority.NORMAL, 240, 1440, TWO_LEVELS);

	static final SlaPolicy HIGH = policy(Priority.HIGH, 60, 480, FOUR_LEVELS);

	/** Around the clock: Mon 2 Mar 00:00 opened, 00:30 in work. */
	static final List<StatusChange> AROUND_THE_CLOCK_IN_WORK = List.of(at("2026-03-01T21:00:00Z", NEW),
			at("2026-03-01T21:30:00Z", INWORK));

	@Test
	void warningBreachAndEachLevelFollowTheOfficeHours() {
		// office, Tue 3 Mar 10:00, nobody takes it
		List<StatusChange> history = List.of(at("2026-03-03T07:00:00Z", NEW));

		List<Alarm> alarms = schedule(TestCalendars.OFFICE, NORMAL, false).alarms(history,
				Instant.parse("2026-03-03T07:00:00Z"));

		assertThat(alarms).extracting(Alarm::key, Alarm::at)
			.containsExactly(
					// response 4 h: 3 h to 13:00, 1 h after lunch: 15:00; 80 % at 14:12;
					// 125 % (5 h) 16:00; 150 % (6 h) 17:00
					tuple("RESPONSE:WARNING:0", instant("2026-03-03T11:12:00Z")),
					tuple("RESPONSE:BREACH:0", instant("2026-03-03T12:00:00Z")),
					tuple("RESPONSE:ESCALATION:1", instant("2026-03-03T13:00:00Z")),
					tuple("RESPONSE:ESCALATION:2", instant("2026-03-03T14:00:00Z")),
					// resolution 24 h: 7 Tue + 8 Wed + 8 Thu + 1 Fri: Fri 10:00; 19 h 12
					// Thu 14:12; 30 h Fri 17:00; 36 h: Fri ends at 31 h, Mon 9 Mar is a
					// holiday, 5 h on Tue 10 Mar: 15:00
					tuple("RESOLUTION:WARNING:0", instant("2026-03-05T11:12:00Z")),
					tuple("RESOLUTION:BREACH:0", instant("2026-03-06T07:00:00Z")),
					tuple("RESOLUTION:ESCALATION:1", instant("2026-03-06T14:00:00Z")),
					tuple("RESOLUTION:ESCALATION:2", instant("2026-03-10T12:00:00Z")));
		assertThat(alarms).filteredOn((alarm) -> alarm.kind() == Kind.ESCALATION)
			.extracting((alarm) -> alarm.escalation().level())
			.containsExactly(EscalationLevel.ENGINEER, EscalationLevel.GROUP_MANAGER, EscalationLevel.ENGINEER,
					EscalationLevel.GROUP_MANAGER);
	}

	@Test
	void dueAlarmsArePassedOnesAndNextIsTheFirstAhead() {
		List<StatusChange> history = List.of(at("2026-03-03T07:00:00Z", NEW));
		AlarmSchedule schedule = schedule(TestCalendars.OFFICE, NORMAL, false);
		// Tue 16:30: the response's warning, breach and first level have passed
		Instant now = Instant.parse("2026-03-03T13:30:00Z");

		assertThat(schedule.due(history, now)).extracting(Alarm::key)
			.containsExactly("RESPONSE:WARNING:0", "RESPONSE:BREACH:0", "RESPONSE:ESCALATION:1");
		assertThat(schedule.next(history, now)).map(Alarm::key).contains("RESPONSE:ESCALATION:2");
		assertThat(schedule.next(history, now)).map(Alarm::at).contains(instant("2026-03-03T14:00:00Z"));
	}

	@Test
	void aPauseBetweenTwoLevelsKeepsThePassedOneAndHoldsTheNext() {
		// around the clock; held Tue 3 Mar 08:00 after 32 h, read at 10:00
		List<StatusChange> held = with(AROUND_THE_CLOCK_IN_WORK, at("2026-03-03T05:00:00Z", ON_HOLD));
		AlarmSchedule schedule = schedule(TestCalendars.AROUND_THE_CLOCK, NORMAL, false);

		// resolution: warning Mon 19:12, breach Tue 00:00, level 1 (30 h) Tue 06:00;
		// level 2 (36 h) not reached while held. The response stopped at 00:30, before
		// its
		// warning (03:12): nothing of it.
		assertThat(schedule.alarms(held, Instant.parse("2026-03-03T07:00:00Z"))).extracting(Alarm::key, Alarm::at)
			.containsExactly(tuple("RESOLUTION:WARNING:0", instant("2026-03-02T16:12:00Z")),
					tuple("RESOLUTION:BREACH:0", instant("2026-03-02T21:00:00Z")),
					tuple("RESOLUTION:ESCALATION:1", instant("2026-03-03T03:00:00Z")));
		assertThat(schedule.next(held, Instant.parse("2026-03-03T07:00:00Z"))).isEmpty();

		// resumed Tue 14:00: the 4 h left to level 2 run to 18:00
		List<StatusChange> resumed = with(held, at("2026-03-03T11:00:00Z", INWORK));
		assertThat(schedule.next(resumed, Instant.parse("2026-03-03T11:00:00Z"))).contains(
				new Alarm(Target.RESOLUTION, Kind.ESCALATION, 2, TWO_LEVELS.get(1), instant("2026-03-03T15:00:00Z")));
	}

	@Test
	void closingAfterTheBreachDropsTheEscalationsStillAhead() {
		// closed Tue 03:00, after the breach (00:00), before level 1 (06:00)
		List<StatusChange> history = with(AROUND_THE_CLOCK_IN_WORK, at("2026-03-03T00:00:00Z", CLOSED));

		List<Alarm> alarms = schedule(TestCalendars.AROUND_THE_CLOCK, NORMAL, false).alarms(history,
				Instant.parse("2026-03-04T00:00:00Z"));

		assertThat(alarms).extracting(Alarm::key).containsExactly("RESOLUTION:WARNING:0", "RESOLUTION:BREACH:0");
	}

	@Test
	void closingAtTheDueInstantKeepsTheWarningAndIsNoBreach() {
		List<StatusChange> history = with(AROUND_THE_CLOCK_IN_WORK, at("2026-03-02T21:00:00Z", CLOSED));

		List<Alarm> alarms = schedule(TestCalendars.AROUND_THE_CLOCK, NORMAL, false).alarms(history,
				Instant.parse("2026-03-04T00:00:00Z"));

		assertThat(alarms).extracting(Alarm::key).containsExactly("RESOLUTION:WARNING:0");
	}

	@Test
	void helpdeskPeopleAreRemindedInTheHelpdesksHours() {
		// around the clock, Sat 7 Mar 21:00; response 60 min: level 1 (75 min) 22:15,
		// level 2 22:30 for the group; the agent's manager (22:45) and the head of
		// support
		// (23:00) wait past Sunday and the holiday Monday for Tue 10 Mar 08:00
		List<StatusChange> history = List.of(at("2026-03-07T18:00:00Z", NEW));

		List<Alarm> alarms = schedule(TestCalendars.AROUND_THE_CLOCK, HIGH, false).alarms(history,
				Instant.parse("2026-03-07T18:00:00Z"));

		assertThat(escalations(alarms, Target.RESPONSE)).containsExactly(instant("2026-03-07T19:15:00Z"),
				instant("2026-03-07T19:30:00Z"), instant("2026-03-10T05:00:00Z"), instant("2026-03-10T05:00:00Z"));
		// resolution 8 h: 14 h (Sun 11:00) and 16 h (Sun 13:00) wait as well
		assertThat(escalations(alarms, Target.RESOLUTION)).containsExactly(instant("2026-03-08T04:00:00Z"),
				instant("2026-03-08T06:00:00Z"), instant("2026-03-10T05:00:00Z"), instant("2026-03-10T05:00:00Z"));
	}

	@Test
	void aLevelInsideTheHelpdesksHoursIsNotMoved() {
		// around the clock, Tue 3 Mar 10:00: the agent's manager at 11:45, the head of
		// support at 12:00
		List<StatusChange> history = List.of(at("2026-03-03T07:00:00Z", NEW));

		List<Alarm> alarms = schedule(TestCalendars.AROUND_THE_CLOCK, HIGH, false).alarms(history,
				Instant.parse("2026-03-03T07:00:00Z"));

		assertThat(escalations(alarms, Target.RESPONSE)).containsExactly(instant("2026-03-03T08:15:00Z"),
				instant("2026-03-03T08:30:00Z"), instant("2026-03-03T08:45:00Z"), instant("2026-03-03T09:00:00Z"));
	}

	@Test
	void aCriticalIncidentIsEscalatedAtOnceAtNight() {
		List<StatusChange> history = List.of(at("2026-03-07T18:00:00Z", NEW));

		List<Alarm> alarms = schedule(TestCalendars.AROUND_THE_CLOCK, HIGH, true).alarms(history,
				Instant.parse("2026-03-07T18:00:00Z"));

		// Sat 22:15, 22:30, 22:45, 23:00
		assertThat(escalations(alarms, Target.RESPONSE)).containsExactly(instant("2026-03-07T19:15:00Z"),
				instant("2026-03-07T19:30:00Z"), instant("2026-03-07T19:45:00Z"), instant("2026-03-07T20:00:00Z"));
	}

	@Test
	void withoutAHelpdeskCalendarNobodyWaits() {
		List<StatusChange> history = List.of(at("2026-03-07T18:00:00Z", NEW));
		AlarmSchedule schedule = new AlarmSchedule(new SlaClock(TestCalendars.AROUND_THE_CLOCK, HIGH),
				AlarmSchedule.DEFAULT_STEP, Optional.empty(), false);

		assertThat(escalations(schedule.alarms(history, Instant.parse("2026-03-07T18:00:00Z")), Target.RESPONSE))
			.containsExactly(instant("2026-03-07T19:15:00Z"), instant("2026-03-07T19:30:00Z"),
					instant("2026-03-07T19:45:00Z"), instant("2026-03-07T20:00:00Z"));
	}

	@Test
	void aLevelNeverComesBeforeTheOneAboveIt() {
		// the agent's manager second waits for Tue 08:00; the group manager third would
		// be
		// due Sat 22:45 and goes with it
		SlaPolicy policy = policy(Priority.HIGH, 60, 480, chain("ENGINEER", "AGENT_MANAGER", "GROUP_MANAGER"));
		List<StatusChange> history = List.of(at("2026-03-07T18:00:00Z", NEW));

		List<Alarm> alarms = schedule(TestCalendars.AROUND_THE_CLOCK, policy, false).alarms(history,
				Instant.parse("2026-03-07T18:00:00Z"));

		assertThat(escalations(alarms, Target.RESPONSE)).containsExactly(instant("2026-03-07T19:15:00Z"),
				instant("2026-03-10T05:00:00Z"), instant("2026-03-10T05:00:00Z"));
	}

	@Test
	void levelsOverBerlinsAutumnClockChangeAreInMondaysWinterTime() {
		// Fri 23 Oct 16:30 CEST: 30 min on Friday, the rest on Monday 26 Oct in CET
		List<StatusChange> history = List.of(at("2026-10-23T14:30:00Z", NEW));

		List<Alarm> alarms = schedule(TestCalendars.BERLIN_OFFICE, HIGH, false).alarms(history,
				Instant.parse("2026-10-23T14:30:00Z"));

		// due 09:30 CET; levels 09:45, 10:00, 10:15 (12:15 in Moscow, helpdesk hours),
		// 10:30
		assertThat(alarms).filteredOn((alarm) -> alarm.target() == Target.RESPONSE)
			.extracting(Alarm::at)
			.containsExactly(instant("2026-10-26T08:18:00Z"), instant("2026-10-26T08:30:00Z"),
					instant("2026-10-26T08:45:00Z"), instant("2026-10-26T09:00:00Z"), instant("2026-10-26T09:15:00Z"),
					instant("2026-10-26T09:30:00Z"));
	}

	@Test
	void theStepSpacesTheLevels() {
		AlarmSchedule halves = new AlarmSchedule(new SlaClock(TestCalendars.AROUND_THE_CLOCK, NORMAL),
				new BigDecimal("0.5"), Optional.of(TestCalendars.HELPDESK), false);

		// Mon 2 Mar 00:00, response 4 h: 150 % at 06:00, 200 % at 08:00
		assertThat(escalations(
				halves.alarms(AROUND_THE_CLOCK_IN_WORK.subList(0, 1), Instant.parse("2026-03-01T21:00:00Z")),
				Target.RESPONSE))
			.containsExactly(instant("2026-03-02T03:00:00Z"), instant("2026-03-02T05:00:00Z"));
		assertThatThrownBy(() -> new AlarmSchedule(new SlaClock(TestCalendars.AROUND_THE_CLOCK, NORMAL),
				BigDecimal.ZERO, Optional.empty(), false))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anAlarmsKeyIsTheSameWhereverItIsPlaced() {
		Alarm early = new Alarm(Target.RESOLUTION, Kind.ESCALATION, 2, TWO_LEVELS.get(1),
				instant("2026-03-03T15:00:00Z"));
		Alarm late = new Alarm(Target.RESOLUTION, Kind.ESCALATION, 2, TWO_LEVELS.get(1),
				instant("2026-03-04T15:00:00Z"));

		assertThat(early.key()).isEqualTo(late.key()).isEqualTo("RESOLUTION:ESCALATION:2");
	}

	private static List<Instant> escalations(List<Alarm> alarms, Target target) {
		return alarms.stream()
			.filter((alarm) -> alarm.target() == target && alarm.kind() == Kind.ESCALATION)
			.sorted(Comparator.comparingInt(Alarm::level))
			.map(Alarm::at)
			.toList();
	}

	private static AlarmSchedule schedule(BusinessCalendar calendar, SlaPolicy policy, boolean critical) {
		return new AlarmSchedule(new SlaClock(calendar, policy), AlarmSchedule.DEFAULT_STEP,
				Optional.of(TestCalendars.HELPDESK), critical);
	}

	private static SlaPolicy policy(Priority priority, int response, int resolution, List<Escalation> chain) {
		return new SlaPolicy(null, priority, Duration.ofMinutes(response), Duration.ofMinutes(resolution),
				new BigDecimal("0.8"), chain);
	}

	private static List<Escalation> chain(String... levels) {
		return Arrays.stream(levels).map(Escalation::parse).toList();
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
