package ru.telecom.crm.report.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import ru.telecom.crm.report.BacklogAgeingReport;
import ru.telecom.crm.report.EngineerPerformanceReport;
import ru.telecom.crm.report.OldestItem;
import ru.telecom.crm.report.QueueHealthReport;
import ru.telecom.crm.report.ReportGrouping;
import ru.telecom.crm.report.ReportPeriod;
import ru.telecom.crm.report.SlaComplianceReport;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.BusinessCalendar;
import ru.telecom.crm.sla.Escalation;
import ru.telecom.crm.sla.SlaClock;
import ru.telecom.crm.sla.SlaPolicy;
import ru.telecom.crm.sla.StatusChange;
import ru.telecom.crm.sla.TrackedStatus;
import ru.telecom.crm.sla.WorkingHours;
import ru.telecom.crm.sla.WorkingTime;
import ru.telecom.crm.sla.replay.DemoSeed;
import ru.telecom.crm.sla.replay.DemoSeed.PolicyRow;
import ru.telecom.crm.sla.replay.ReplayFixture;
import ru.telecom.crm.sla.replay.ReplayFixture.Event;
import ru.telecom.crm.sla.replay.ReplayFixture.Incident;
import ru.telecom.crm.sla.replay.ReplayFixture.ReportLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replayed weeks' report figures (issue 15, item 4 and 5): the four reports' figures,
 * worked out by the report module from the weeks' incidents on the demo calendars and
 * policies, equal the {@code report} literals of each week's fixture (written by the
 * replay's {@code ReportOracle} before this ran). Each incident is read as the report
 * reader would give it at the report's instant: its rows up to then, the priority and
 * work group (the calendar's, {@link ReplayFixture#GROUP_OF_CALENDAR}) it had then, its
 * first close, who that close names and its reassignments up to then. All mismatches of a
 * week are reported at once, as are figures the fixture lacks.
 */
class ReplayedWeekReportsTests {

	static final List<String> WEEKS = ReplayFixture.WEEKS;

	private static final DemoSeed SEED = DemoSeed.read();

	private static final ZoneId HELPDESK_ZONE = SEED.zones.get(DemoSeed.HELPDESK);

	private static final Map<Integer, BusinessCalendar> GROUP_CALENDARS = groupCalendars();

	private static final Measures MEASURES = new Measures() {

		@Override
		public Optional<SlaClock> clock(int serviceCode, int groupCode, Priority priority) {
			return Optional.of(new SlaClock(GROUP_CALENDARS.get(groupCode), policy(serviceCode, priority)));
		}

		@Override
		public WorkingTime workingTime(int groupCode) {
			return new WorkingTime(GROUP_CALENDARS.get(groupCode));
		}

	};

	private static final Measures.Labels LABELS = (grouping, key) -> key;

	@ParameterizedTest(name = "{0}")
	@FieldSource("WEEKS")
	void everyReportFigureIsTheFixturesLiteral(String week) {
		ReplayFixture fixture = ReplayFixture.load(week);
		Map<String, String> expected = new LinkedHashMap<>();
		Set<List<String>> reports = new LinkedHashSet<>();
		for (ReportLine line : fixture.reports) {
			expected.put(line.key(), line.value());
			reports.add(List.of(line.report(), line.parameters()));
		}
		Map<String, String> actual = new LinkedHashMap<>();
		reports.forEach((report) -> actual.putAll(new Run(fixture, report.get(0), report.get(1)).figures()));

		SoftAssertions softly = new SoftAssertions();
		Set<String> keys = new LinkedHashSet<>(expected.keySet());
		keys.addAll(actual.keySet());
		for (String key : keys) {
			softly.assertThat(actual.getOrDefault(key, "(none)"))
				.as("%s: %s", week, key)
				.isEqualTo(expected.getOrDefault(key, "(none)"));
		}
		softly.assertAll();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("WEEKS")
	void theWeekHoldsEveryReportWithEngineersAndReassignments(String week) {
		ReplayFixture fixture = ReplayFixture.load(week);
		List<String> reports = fixture.reports.stream()
			.map((line) -> line.report() + " " + line.parameters().replaceAll(".* by ", "by "))
			.distinct()
			.toList();
		List<Incident> closedByEngineers = fixture.incidents.values()
			.stream()
			.filter((incident) -> incident.statuses()
				.stream()
				.anyMatch((row) -> row.value().equals("CLOSED") && row.user() != null))
			.toList();

		assertThat(reports).contains("compliance by group", "compliance by priority", "ageing by group",
				"queue by group");
		assertThat(fixture.reports.stream()
			.filter((line) -> line.report().equals("ageing"))
			.map(ReportLine::parameters)
			.distinct()).as("the ageing instants").hasSizeGreaterThanOrEqualTo(2);
		assertThat(fixture.reports.stream()
			.filter((line) -> line.report().equals("engineers"))
			.map(ReportLine::row)
			.distinct()).as("the engineers").contains(EngineerFigures.NOBODY).hasSizeGreaterThanOrEqualTo(5);
		assertThat(closedByEngineers).hasSizeGreaterThan(10);
		assertThat(fixture.incidents.values()).flatExtracting((incident) -> incident.reassignments)
			.hasSizeGreaterThanOrEqualTo(3);
	}

	/**
	 * One report of the fixture, run by the report module and put in the fixture's words.
	 */
	private static final class Run {

		private final ReplayFixture fixture;

		private final String report;

		private final String parameters;

		private final List<String> ids;

		private final Map<String, String> figures = new LinkedHashMap<>();

		Run(ReplayFixture fixture, String report, String parameters) {
			this.fixture = fixture;
			this.report = report;
			this.parameters = parameters;
			this.ids = new ArrayList<>(fixture.incidents.keySet());
		}

		Map<String, String> figures() {
			String[] asOfWords = this.parameters.split(" as of ");
			String[] words = asOfWords[0].split(" by ");
			ReportGrouping grouping = (words.length > 1) ? ReportGrouping.valueOf(words[1].toUpperCase(Locale.ROOT))
					: null;
			String[] range = words[0].split("/");
			Instant from = OffsetDateTime.parse(range[0]).toInstant();
			Instant to = (range.length > 1) ? OffsetDateTime.parse(range[1]).toInstant() : null;
			// a report on a week that still lasts reads its clocks now, its arrivals
			// until now
			Instant asOf = (asOfWords.length > 1) ? OffsetDateTime.parse(asOfWords[1]).toInstant() : to;
			switch (this.report) {
				case "compliance" -> compliance(
						ComplianceFigures.of(new ReportPeriod(from, to), asOf, grouping,
								tracks(asOf, (track) -> !track.createdAt().isBefore(from)
										&& track.createdAt().isBefore(to) && !track.createdAt().isAfter(asOf)),
								MEASURES, LABELS));
				case "ageing" -> ageing(AgeingFigures.of(from, grouping,
						tracks(from, (track) -> !track.createdAt().isAfter(from)), MEASURES, LABELS));
				case "queue" -> queue(QueueFigures.of(new ReportPeriod(from, to), to, HELPDESK_ZONE, grouping,
						tracks(to, (track) -> !track.createdAt().isAfter(to)), MEASURES, LABELS));
				case "engineers" -> engineers(EngineerFigures.of(new ReportPeriod(from, to),
						tracks(to, (track) -> track.closedAt() != null), MEASURES));
				default -> throw new IllegalArgumentException("unknown report " + this.report);
			}
			return this.figures;
		}

		private void compliance(SlaComplianceReport report) {
			List<SlaComplianceReport.Row> rows = new ArrayList<>(report.rows());
			rows.add(report.total());
			for (SlaComplianceReport.Row row : rows) {
				put(row.key(), "incidents", row.incidents());
				put(row.key(), "withoutPolicy", row.withoutPolicy());
				target(row.key(), "response", row.response());
				target(row.key(), "resolution", row.resolution());
			}
		}

		private void target(String row, String name, SlaComplianceReport.Target target) {
			put(row, name + ".met", target.met());
			put(row, name + ".breached", target.breached());
			put(row, name + ".open", target.open());
			put(row, name + ".atRisk", target.atRisk());
		}

		private void ageing(BacklogAgeingReport report) {
			List<BacklogAgeingReport.Row> rows = new ArrayList<>(report.rows());
			rows.add(report.total());
			for (BacklogAgeingReport.Row row : rows) {
				put(row.key(), "open", row.open());
				row.ages().forEach((bucket) -> put(row.key(), "age " + bucket.bucket(), bucket.count()));
				oldest(row.key(), "oldest", row.oldest());
			}
		}

		private void queue(QueueHealthReport report) {
			List<QueueHealthReport.Row> rows = new ArrayList<>(report.rows());
			rows.add(report.total());
			for (QueueHealthReport.Row row : rows) {
				put(row.key(), "arrivals", row.arrivals());
				put(row.key(), "completions", row.completions());
				for (QueueHealthReport.Day day : row.days()) {
					put(row.key(), day.date() + " arrivals", day.arrivals());
					put(row.key(), day.date() + " completions", day.completions());
				}
				put(row.key(), "workInProgress", row.workInProgress());
				oldest(row.key(), "oldestOpen", row.oldestOpen());
			}
		}

		private void engineers(EngineerPerformanceReport report) {
			for (EngineerPerformanceReport.Row row : report.rows()) {
				put(row.engineer(), "handled", row.handled());
				put(row.engineer(), "respond.median", minutes(row.respond().medianMinutes()));
				put(row.engineer(), "respond.p90", minutes(row.respond().p90Minutes()));
				put(row.engineer(), "resolve.median", minutes(row.resolve().medianMinutes()));
				put(row.engineer(), "resolve.p90", minutes(row.resolve().p90Minutes()));
				put(row.engineer(), "reassignments", row.reassignments());
			}
		}

		private void oldest(String row, String field, OldestItem oldest) {
			put(row, field, (oldest != null) ? this.ids.get((int) oldest.id() - 1) : "-");
			put(row, field + ".minutes", (oldest != null) ? minutes(oldest.ageMinutes()) : "-");
		}

		private void put(String row, String field, Object value) {
			this.figures.put(String.join(" | ", this.report, this.parameters, row, field), String.valueOf(value));
		}

		/**
		 * The fixture's incidents as the report reader gives them at {@code asOf}, those
		 * it would select; ids are their places in the file, from 1.
		 */
		private List<IncidentTrack> tracks(Instant asOf, Predicate<IncidentTrack> selected) {
			List<IncidentTrack> tracks = new ArrayList<>();
			for (Incident incident : this.fixture.incidents.values()) {
				IncidentTrack track = track(this.ids.indexOf(incident.id) + 1, incident, asOf);
				if (selected.test(track)) {
					tracks.add(track);
				}
			}
			return tracks;
		}

	}

	static IncidentTrack track(long id, Incident incident, Instant asOf) {
		List<Event> rows = incident.statuses().stream().sorted(Comparator.comparing(Event::at)).toList();
		Event close = rows.stream().filter((row) -> row.value().equals("CLOSED")).findFirst().orElse(null);
		List<StatusChange> history = rows.stream()
			.filter((row) -> !row.at().isAfter(asOf))
			.map((row) -> new StatusChange(row.at(), TrackedStatus.valueOf(row.value())))
			.toList();
		int reassignments = (int) incident.reassignments.stream().filter((move) -> !move.at().isAfter(asOf)).count();
		int service = (incident.service != null) ? Integer.parseInt(incident.service)
				: ReplayFixture.SERVICE_WITHOUT_POLICY;
		return new IncidentTrack(id, rows.get(0).at(), ReplayFixture.GROUP_OF_CALENDAR.get(incident.calendarAt(asOf)),
				service, Priority.valueOf(incident.priorityAt(asOf)), history, (close != null) ? close.at() : null,
				(close != null) ? close.user() : null, reassignments);
	}

	/** Whole minutes as whole numbers, others as written: 120, 7.5. */
	private static String minutes(double minutes) {
		return BigDecimal.valueOf(minutes).stripTrailingZeros().toPlainString();
	}

	private static SlaPolicy policy(int serviceCode, Priority priority) {
		PolicyRow row = SEED.policy(String.valueOf(serviceCode), priority.name());
		return new SlaPolicy((row.service() != null) ? Integer.valueOf(row.service()) : null, priority,
				Duration.ofMinutes(row.responseMinutes()), Duration.ofMinutes(row.resolutionMinutes()),
				new BigDecimal(row.warnAt()), row.escalation().stream().map(Escalation::parse).toList());
	}

	private static Map<Integer, BusinessCalendar> groupCalendars() {
		Map<Integer, BusinessCalendar> calendars = new HashMap<>();
		ReplayFixture.GROUP_OF_CALENDAR.forEach((code, group) -> calendars.put(group,
				new BusinessCalendar(code, SEED.zones.get(code),
						SEED.hours.get(code)
							.stream()
							.map((row) -> new WorkingHours(DayOfWeek.of(row[0]), row[1], row[2]))
							.toList(),
						SEED.holidays.get(code))));
		return calendars;
	}

}
