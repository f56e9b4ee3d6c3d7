package ru.telecom.crm.report.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.telecom.crm.report.BacklogAgeingReport;
import ru.telecom.crm.report.EngineerPerformanceReport;
import ru.telecom.crm.report.EngineerPerformanceReport.Spread;
import ru.telecom.crm.report.OldestItem;
import ru.telecom.crm.report.QueueHealthReport;
import ru.telecom.crm.report.QueueHealthReport.Day;
import ru.telecom.crm.report.ReportGrouping;
import ru.telecom.crm.report.ReportPeriod;
import ru.telecom.crm.report.SlaComplianceReport;
import ru.telecom.crm.report.SlaComplianceReport.Target;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.BusinessCalendar;
import ru.telecom.crm.sla.SlaClock;
import ru.telecom.crm.sla.SlaPolicy;
import ru.telecom.crm.sla.StatusChange;
import ru.telecom.crm.sla.TrackedStatus;
import ru.telecom.crm.sla.WorkingHours;
import ru.telecom.crm.sla.WorkingTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four reports' figures from status histories written out by hand, over the week of
 * Monday 2 March 2026: work group 100 works Mon–Fri 09:00–13:00 and 14:00–18:00 Moscow
 * time (UTC+3, no holidays that week), work group 200 around the clock. Service 1001 at
 * NORMAL: response 240, resolution 1440 working minutes, warning at 80 % (192 and 1152);
 * service 2001 at HIGH: 60 and 720 (warning at 48 and 576); service 1002 has no policy.
 * Every expected figure is a literal worked out by hand (the comments show how).
 */
class ReportFiguresTests {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	private static final BusinessCalendar OFFICE = new BusinessCalendar("office", MOSCOW, List
		.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
		.stream()
		.flatMap((day) -> List.of(WorkingHours.of(day, "09:00", "13:00"), WorkingHours.of(day, "14:00", "18:00"))
			.stream())
		.toList(), Set.of());

	private static final BusinessCalendar AROUND_THE_CLOCK = BusinessCalendar.aroundTheClock("24x7", MOSCOW);

	private static final Map<String, SlaPolicy> POLICIES = Map.of("1001/NORMAL",
			policy(1001, Priority.NORMAL, 240, 1440), "2001/HIGH", policy(2001, Priority.HIGH, 60, 720));

	private static final Measures MEASURES = new Measures() {

		@Override
		public Optional<SlaClock> clock(int serviceCode, int groupCode, Priority priority) {
			return Optional.ofNullable(POLICIES.get(serviceCode + "/" + priority))
				.map((policy) -> new SlaClock(workingTime(groupCode).calendar(), policy));
		}

		@Override
		public WorkingTime workingTime(int groupCode) {
			return new WorkingTime((groupCode == 100) ? OFFICE : AROUND_THE_CLOCK);
		}

	};

	private static final Measures.Labels LABELS = (grouping, key) -> grouping.parameter() + " " + key;

	/** Fri 6 March 17:00 Moscow. */
	private static final Instant FRIDAY_17 = msk("2026-03-06T17:00");

	/**
	 * A: Mon 09:00, INWORK Mon 11:00 (responded in 120), CLOSED Tue 12:00 (resolved in 8h
	 * + 3h = 660); ivan, reassigned once.
	 */
	private static final IncidentTrack A = track(1, 100, 1001, Priority.NORMAL, "ivan", 1,
			row("2026-03-02T09:00", "NEW"), row("2026-03-02T10:00", "ASSIGNED"), row("2026-03-02T11:00", "INWORK"),
			row("2026-03-03T12:00", "CLOSED"));

	/**
	 * B: Mon 09:00, INWORK Mon 15:00 (5 h: response breached at Mon 13:00), ON_HOLD Tue
	 * 09:00 to Thu 09:00; by Fri 17:00 resolution used Mon 8 h + Thu 8 h + Fri 7 h = 1380
	 * (warned at 1152: Fri 12:12), open.
	 */
	private static final IncidentTrack B = track(2, 100, 1001, Priority.NORMAL, null, 0, row("2026-03-02T09:00", "NEW"),
			row("2026-03-02T10:00", "ASSIGNED"), row("2026-03-02T15:00", "INWORK"), row("2026-03-03T09:00", "ON_HOLD"),
			row("2026-03-05T09:00", "INWORK"));

	/**
	 * C: Wed 17:00, still NEW: by Fri 17:00 used 1 + 8 + 7 h = 960, response breached
	 * (Thu 13:00), resolution open short of its warning.
	 */
	private static final IncidentTrack C = track(3, 100, 1001, Priority.NORMAL, null, 0,
			row("2026-03-04T17:00", "NEW"));

	/**
	 * D: Fri 12:40, NEW: by Fri 17:00 used 20 min + 3 h = 200, past the response warning
	 * (192) short of its due (240); its INWORK at 17:30 is after the report's instant.
	 */
	private static final IncidentTrack D = track(4, 100, 1001, Priority.NORMAL, null, 0, row("2026-03-06T12:40", "NEW"),
			row("2026-03-06T17:30", "INWORK"));

	/**
	 * E: group 200 (24×7), HIGH: Thu 13:00 (10:00Z), INWORK 13:30 (30 min, met), CLOSED
	 * Fri 02:00 (23:00Z): resolved in 13 h = 780 > 720, breached; sergey.
	 */
	private static final IncidentTrack E = track(5, 200, 2001, Priority.HIGH, "sergey", 0,
			row("2026-03-05T13:00", "NEW"), row("2026-03-05T13:30", "INWORK"), row("2026-03-06T02:00", "CLOSED"));

	/** F: service 1002, which has no policy: Fri 10:00, NEW (working age 6 h). */
	private static final IncidentTrack F = track(6, 100, 1002, Priority.NORMAL, null, 0,
			row("2026-03-06T10:00", "NEW"));

	/** G: group 200, Mon 23 February 17:00 (14:00Z), never taken. */
	private static final IncidentTrack G = track(7, 200, 2001, Priority.HIGH, null, 0, row("2026-02-23T17:00", "NEW"));

	/**
	 * H: Tue 09:00, INWORK Tue 10:00 (responded in 60), ON_HOLD Tue 11:00, INWORK Wed
	 * 09:00, CLOSED Wed 10:30 (resolved in 2 h + 1.5 h = 210); ivan, reassigned twice.
	 */
	private static final IncidentTrack H = track(8, 100, 1001, Priority.NORMAL, "ivan", 2,
			row("2026-03-03T09:00", "NEW"), row("2026-03-03T10:00", "INWORK"), row("2026-03-03T11:00", "ON_HOLD"),
			row("2026-03-04T09:00", "INWORK"), row("2026-03-04T10:30", "CLOSED"));

	/** I: closed by petr on Sat 7 March 04:00 Moscow, after the week's reports. */
	private static final IncidentTrack I = track(9, 100, 1001, Priority.NORMAL, "petr", 0,
			row("2026-03-06T09:00", "NEW"), row("2026-03-06T09:30", "INWORK"), row("2026-03-07T04:00", "CLOSED"));

	@Test
	void complianceCountsMetBreachedOpenAndAtRiskPerTarget() {
		ReportPeriod week = new ReportPeriod(msk("2026-03-02T00:00"), msk("2026-03-07T00:00"));

		SlaComplianceReport report = ComplianceFigures.of(week, FRIDAY_17, ReportGrouping.GROUP,
				List.of(A, B, C, D, E, F), MEASURES, LABELS);

		assertThat(report.rows()).extracting(SlaComplianceReport.Row::key).containsExactly("100", "200");
		SlaComplianceReport.Row office = report.rows().get(0);
		assertThat(office.label()).isEqualTo("group 100");
		assertThat(office.incidents()).isEqualTo(5);
		assertThat(office.withoutPolicy()).as("F").isEqualTo(1);
		assertThat(office.response()).as("met A; breached B, C; open D, at risk").isEqualTo(new Target(1, 2, 1, 1));
		assertThat(office.resolution()).as("met A; open B (at risk), C, D").isEqualTo(new Target(1, 0, 3, 1));
		SlaComplianceReport.Row roundTheClock = report.rows().get(1);
		assertThat(roundTheClock.response()).isEqualTo(new Target(1, 0, 0, 0));
		assertThat(roundTheClock.resolution()).isEqualTo(new Target(0, 1, 0, 0));
		assertThat(report.total()).isEqualTo(
				new SlaComplianceReport.Row("total", "total", 6, 1, new Target(2, 2, 1, 1), new Target(1, 1, 3, 1)));
		assertThat(report.asOf()).isEqualTo(FRIDAY_17);
	}

	@Test
	void complianceByPriorityPutsTheMostUrgentFirst() {
		ReportPeriod week = new ReportPeriod(msk("2026-03-02T00:00"), msk("2026-03-07T00:00"));

		SlaComplianceReport report = ComplianceFigures.of(week, FRIDAY_17, ReportGrouping.PRIORITY,
				List.of(A, B, C, D, E, F), MEASURES, LABELS);

		assertThat(report.rows()).extracting(SlaComplianceReport.Row::key).containsExactly("HIGH", "NORMAL");
		assertThat(report.rows()).extracting(SlaComplianceReport.Row::incidents).containsExactly(1L, 5L);
	}

	@Test
	void aClockReadEarlierStandsWhereItStoodThen() {
		// Mon 13:00 exactly: B's response clock has used its 240 minutes, due at that
		// very instant, so it is breached; A responded at 11:00 (met); A's and B's
		// resolution clocks have used 240 of 1440 (open, short of the warning)
		ReportPeriod monday = new ReportPeriod(msk("2026-03-02T00:00"), msk("2026-03-02T13:00"));

		SlaComplianceReport report = ComplianceFigures.of(monday, msk("2026-03-02T13:00"), ReportGrouping.SERVICE,
				List.of(A, B), MEASURES, LABELS);

		assertThat(report.total().response()).isEqualTo(new Target(1, 1, 0, 0));
		assertThat(report.total().resolution()).isEqualTo(new Target(0, 0, 2, 0));
	}

	@Test
	void backlogAgesTheOpenIncidentsInTheirGroupsWorkingTime() {
		BacklogAgeingReport report = AgeingFigures.of(FRIDAY_17, ReportGrouping.GROUP, List.of(A, B, C, D, E, F, G),
				MEASURES, LABELS);

		assertThat(report.buckets()).containsExactly("<4h", "4-8h", "8-24h", "1-3d", ">3d");
		BacklogAgeingReport.Row office = report.rows().get(0);
		// D 3 h 20, F 6 h, C 16 h, B 8 h × 4 + 7 h = 39 h; A and E closed
		assertThat(office.open()).isEqualTo(4);
		assertThat(office.ages()).extracting(BacklogAgeingReport.Bucket::count).containsExactly(1L, 1L, 1L, 1L, 0L);
		assertThat(office.oldest()).isEqualTo(new OldestItem(2, msk("2026-03-02T09:00"), 2340.0));
		BacklogAgeingReport.Row roundTheClock = report.rows().get(1);
		// G: 23 February 17:00 to 6 March 17:00, 11 days around the clock
		assertThat(roundTheClock.ages()).extracting(BacklogAgeingReport.Bucket::count)
			.containsExactly(0L, 0L, 0L, 0L, 1L);
		assertThat(report.total().open()).isEqualTo(5);
		assertThat(report.total().oldest()).isEqualTo(new OldestItem(7, msk("2026-02-23T17:00"), 15840.0));
	}

	@Test
	void anIncidentClosedAtTheInstantIsNoLongerOpenAndTheBucketsStartAtTheirBound() {
		assertThat(A.openAt(msk("2026-03-03T12:00"))).isFalse();
		assertThat(A.openAt(msk("2026-03-03T11:59"))).isTrue();
		assertThat(AgeingFigures.bucketOf(Duration.ofHours(4).minusNanos(1))).isZero();
		assertThat(AgeingFigures.bucketOf(Duration.ofHours(4))).isEqualTo(1);
		assertThat(AgeingFigures.bucketOf(Duration.ofHours(24))).isEqualTo(3);
		assertThat(AgeingFigures.bucketOf(Duration.ofHours(72))).isEqualTo(4);
	}

	@Test
	void engineersAreCreditedWithWhatTheyClosedWithoutHoldTime() {
		ReportPeriod week = new ReportPeriod(msk("2026-03-02T00:00"), msk("2026-03-07T00:00"));

		EngineerPerformanceReport report = EngineerFigures.of(week, List.of(A, B, C, E, H, I), MEASURES);

		// ivan: A (respond 120, resolve 660, 1 reassignment), H (60, 210, 2): the median
		// is the lower of two by nearest rank, the 90th percentile the higher;
		// petr's I closed after the week
		assertThat(report.rows()).containsExactly(
				new EngineerPerformanceReport.Row("ivan", 2, new Spread(60, 120), new Spread(210, 660), 3),
				new EngineerPerformanceReport.Row("sergey", 1, new Spread(30, 30), new Spread(780, 780), 0));
	}

	@Test
	void percentilesAreByNearestRank() {
		List<Duration> minutes = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			minutes.add(Duration.ofMinutes(i * 10));
		}
		assertThat(Minutes.percentile(minutes, 0.5)).isEqualTo(Duration.ofMinutes(50));
		assertThat(Minutes.percentile(minutes, 0.9)).isEqualTo(Duration.ofMinutes(90));
		assertThat(Minutes.percentile(minutes.subList(0, 1), 0.9)).isEqualTo(Duration.ofMinutes(10));
		assertThat(Minutes.of(Duration.ofSeconds(90))).isEqualTo(1.5);
		assertThat(Minutes.of(Duration.ofSeconds(20))).isEqualTo(0.33);
	}

	@Test
	void queueHealthCountsArrivalsAndCompletionsPerDayAndTheWorkLeftAtTheEnd() {
		// Mon 2 to Wed 4 March, Moscow days; the work in progress at Thu 00:00
		ReportPeriod days = new ReportPeriod(msk("2026-03-02T00:00"), msk("2026-03-05T00:00"));

		QueueHealthReport report = QueueFigures.of(days, days.to(), MOSCOW, ReportGrouping.GROUP,
				List.of(A, B, C, E, G, H), MEASURES, LABELS);

		assertThat(report.rows()).extracting(QueueHealthReport.Row::key).containsExactly("100", "200");
		QueueHealthReport.Row office = report.rows().get(0);
		// A and B arrive Monday, H Tuesday, C Wednesday; A closes Tuesday, H Wednesday
		assertThat(office.arrivals()).isEqualTo(4);
		assertThat(office.completions()).isEqualTo(2);
		assertThat(office.days()).containsExactly(new Day(date("2026-03-02"), 2, 0), new Day(date("2026-03-03"), 1, 1),
				new Day(date("2026-03-04"), 1, 1));
		// B and C open; B since Monday 09:00: three office days of 8 hours
		assertThat(office.workInProgress()).isEqualTo(2);
		assertThat(office.oldestOpen()).isEqualTo(new OldestItem(2, msk("2026-03-02T09:00"), 1440.0));
		QueueHealthReport.Row roundTheClock = report.rows().get(1);
		// G only (E arrives Thursday): 23 February 17:00 to 5 March 00:00 = 9 days 7 h
		assertThat(roundTheClock.arrivals()).isZero();
		assertThat(roundTheClock.workInProgress()).isEqualTo(1);
		assertThat(roundTheClock.oldestOpen()).isEqualTo(new OldestItem(7, msk("2026-02-23T17:00"), 13380.0));
		assertThat(report.total().arrivals()).isEqualTo(4);
		assertThat(report.total().workInProgress()).isEqualTo(3);
		assertThat(report.total().oldestOpen().id()).isEqualTo(7);
		assertThat(report.zone()).isEqualTo("Europe/Moscow");
	}

	@Test
	void thePriorityBeforeALaterChangeIsReadFromTheChangesDetails() {
		assertThat(ReportReader.oldPriority("NORMAL → HIGH: the whole street")).isEqualTo(Priority.NORMAL);
		assertThat(ReportReader.oldPriority("garbled")).isNull();
		assertThat(ReportReader.oldPriority("URGENT → HIGH: x")).isNull();
	}

	private static SlaPolicy policy(int service, Priority priority, int response, int resolution) {
		return new SlaPolicy(service, priority, Duration.ofMinutes(response), Duration.ofMinutes(resolution), null,
				null);
	}

	private static IncidentTrack track(long id, int group, int service, Priority priority, String closedBy,
			int reassignments, StatusChange... rows) {
		List<StatusChange> history = List.of(rows);
		Instant closed = history.stream()
			.filter((change) -> change.status() == TrackedStatus.CLOSED)
			.map(StatusChange::at)
			.findFirst()
			.orElse(null);
		return new IncidentTrack(id, history.get(0).at(), group, service, priority, history, closed,
				(closed != null) ? closedBy : null, reassignments);
	}

	private static StatusChange row(String moscowTime, String status) {
		return StatusChange.of(msk(moscowTime), status);
	}

	private static Instant msk(String moscowTime) {
		return java.time.LocalDateTime.parse(moscowTime).atZone(MOSCOW).toInstant();
	}

	private static java.time.LocalDate date(String date) {
		return java.time.LocalDate.parse(date);
	}

}
