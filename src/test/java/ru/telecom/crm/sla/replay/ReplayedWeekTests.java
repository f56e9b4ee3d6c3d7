package ru.telecom.crm.sla.replay;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.AlarmSchedule;
import ru.telecom.crm.sla.AlarmSchedule.Alarm;
import ru.telecom.crm.sla.BusinessCalendar;
import ru.telecom.crm.sla.ClockReading;
import ru.telecom.crm.sla.Escalation;
import ru.telecom.crm.sla.SlaClock;
import ru.telecom.crm.sla.SlaPolicy;
import ru.telecom.crm.sla.SlaReading;
import ru.telecom.crm.sla.StatusChange;
import ru.telecom.crm.sla.TrackedStatus;
import ru.telecom.crm.sla.WorkingHours;
import ru.telecom.crm.sla.replay.DemoSeed.PolicyRow;
import ru.telecom.crm.sla.replay.ReplayFixture.Checkpoint;
import ru.telecom.crm.sla.replay.ReplayFixture.Event;
import ru.telecom.crm.sla.replay.ReplayFixture.Incident;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replayed weeks (issue 15, item 5): the production {@link SlaClock} and
 * {@link AlarmSchedule}, on the demo calendars and policies, read every incident of each
 * week at each of its readings, and every figure equals the literal the fixture holds
 * (worked out by {@link ReplayOracle} before the calculator ran). All mismatches of a
 * week are reported at once.
 */
class ReplayedWeekTests {

	static final List<String> WEEKS = ReplayFixture.WEEKS;

	static final DemoSeed SEED = DemoSeed.read();

	static final Map<String, BusinessCalendar> CALENDARS = calendars();

	@ParameterizedTest(name = "{0}")
	@FieldSource("WEEKS")
	void everyDueDatePauseWarningBreachAndEscalationIsTheFixturesLiteral(String week) {
		ReplayFixture fixture = ReplayFixture.load(week);
		Map<Checkpoint, Map<String, String>> expected = fixture.expected();
		List<Checkpoint> checkpoints = fixture.checkpoints();
		assertThat(expected.keySet()).as("the readings with expected figures").containsExactlyElementsOf(checkpoints);

		SoftAssertions softly = new SoftAssertions();
		for (Checkpoint checkpoint : checkpoints) {
			Map<String, String> actual = figures(checkpoint.incident(), checkpoint.asOf());
			Map<String, String> literal = expected.get(checkpoint);
			Set<String> fields = new LinkedHashSet<>(literal.keySet());
			fields.addAll(actual.keySet());
			String asOf = ReplayFixture.text(checkpoint.asOf(),
					CALENDARS.get(checkpoint.incident().calendarAt(checkpoint.asOf())).zone());
			for (String field : fields) {
				softly.assertThat(actual.getOrDefault(field, "(none)"))
					.as("%s: %s as of %s, %s", week, checkpoint.incident(), asOf, field)
					.isEqualTo(literal.getOrDefault(field, "(none)"));
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("WEEKS")
	void theWeekIsWhatTheIssueAsksFor(String week) {
		ReplayFixture fixture = ReplayFixture.load(week);
		List<Event> events = fixture.incidents.values()
			.stream()
			.flatMap((incident) -> incident.events.stream())
			.toList();
		Set<String> calendars = new LinkedHashSet<>();
		fixture.incidents.values().forEach((incident) -> calendars.add(incident.calendar));

		assertThat(calendars).contains("msk-office", "msk-24x7", "berlin");
		assertThat(events).filteredOn((event) -> event.kind().equals("priority")).isNotEmpty();
		assertThat(events).filteredOn((event) -> event.kind().equals("calendar")).isNotEmpty();
		assertThat(events).filteredOn((event) -> "ON_HOLD".equals(event.value())).hasSizeGreaterThan(20);
		// every line is read, so every reading of the week has its figures
		assertThat(fixture.expectations).hasSizeGreaterThan(2000);
	}

	@Test
	void theDstWeekAloneReplaysMoreThanTwoHundredTransitionsOfAboutFiftyIncidents() {
		ReplayFixture week = ReplayFixture.load(WEEKS.get(0));
		// every status row after an incident's creation is a transition
		int transitions = week.incidents.values().stream().mapToInt((incident) -> incident.statuses().size() - 1).sum();

		assertThat(transitions).isGreaterThanOrEqualTo(200);
		assertThat(week.incidents).hasSizeBetween(40, 65);
	}

	/** What the production calculator says, in the fixture's words. */
	static Map<String, String> figures(Incident incident, Instant asOf) {
		BusinessCalendar calendar = CALENDARS.get(incident.calendarAt(asOf));
		ZoneId zone = calendar.zone();
		Priority priority = Priority.valueOf(incident.priorityAt(asOf));
		List<StatusChange> history = incident.statuses()
			.stream()
			.map((event) -> new StatusChange(event.at(), TrackedStatus.valueOf(event.value())))
			.toList();
		SlaClock clock = new SlaClock(calendar, policy(incident.service, priority));
		SlaReading reading = clock.read(history, asOf);
		AlarmSchedule schedule = new AlarmSchedule(clock, AlarmSchedule.DEFAULT_STEP,
				Optional.of(CALENDARS.get(DemoSeed.HELPDESK)), priority == Priority.CRITICAL);

		Map<String, String> figures = new LinkedHashMap<>();
		clock(figures, "response", reading.response(), zone);
		clock(figures, "resolution", reading.resolution(), zone);
		figures.put("resolution.paused", String.valueOf(reading.resolution().paused()));
		for (Alarm alarm : schedule.alarms(history, asOf)) {
			String level = (alarm.escalation() != null) ? " " + alarm.escalation().level() : "";
			figures.put("alarm " + alarm.key() + level, ReplayFixture.text(alarm.at(), zone));
		}
		return figures;
	}

	private static void clock(Map<String, String> figures, String name, ClockReading clock, ZoneId zone) {
		figures.put(name + ".used", clock.used().toString());
		figures.put(name + ".warningAt", ReplayFixture.text(clock.warningAt(), zone));
		figures.put(name + ".dueAt", ReplayFixture.text(clock.dueAt(), zone));
		figures.put(name + ".breachedAt", ReplayFixture.text(clock.breachedAt(), zone));
	}

	private static SlaPolicy policy(String service, Priority priority) {
		PolicyRow row = SEED.policy(service, priority.name());
		return new SlaPolicy((row.service() != null) ? Integer.valueOf(row.service()) : null, priority,
				Duration.ofMinutes(row.responseMinutes()), Duration.ofMinutes(row.resolutionMinutes()),
				new BigDecimal(row.warnAt()), row.escalation().stream().map(Escalation::parse).toList());
	}

	private static Map<String, BusinessCalendar> calendars() {
		Map<String, BusinessCalendar> calendars = new HashMap<>();
		SEED.zones.forEach((code, zone) -> calendars.put(code,
				new BusinessCalendar(code, zone,
						SEED.hours.get(code)
							.stream()
							.map((row) -> new WorkingHours(DayOfWeek.of(row[0]), row[1], row[2]))
							.toList(),
						SEED.holidays.get(code))));
		return calendars;
	}

}
