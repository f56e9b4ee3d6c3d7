package ru.telecom.crm.incident;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.AlarmSchedule;
import ru.telecom.crm.sla.BusinessCalendar;
import ru.telecom.crm.sla.Escalation;
import ru.telecom.crm.sla.SlaClock;
import ru.telecom.crm.sla.SlaPolicy;
import ru.telecom.crm.sla.SlaReading;
import ru.telecom.crm.sla.StatusChange;
import ru.telecom.crm.sla.TrackedStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident's clocks read by a node whose clock lags the node that wrote its history:
 * as the last row left them, never failing for a row "yet to come".
 */
class IncidentClocksTests {

	static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");

	static final Instant IN_WORK = OPENED.plus(Duration.ofMinutes(30));

	@Test
	void aReaderBehindTheHistoryReadsAsOfItsLastRow() {
		IncidentClocks clocks = clocks(
				List.of(new StatusChange(OPENED, TrackedStatus.NEW), new StatusChange(IN_WORK, TrackedStatus.INWORK)));

		// 50 ms before the incident was opened, by this node's clock
		SlaReading reading = clocks.read(OPENED.minusMillis(50));

		assertThat(reading.asOf()).isEqualTo(IN_WORK);
		assertThat(reading.response().stoppedAt()).isEqualTo(IN_WORK);
		assertThat(reading.resolution().dueAt()).isEqualTo(OPENED.plus(Duration.ofHours(8)));
		assertThat(clocks.due(OPENED.minusMillis(50))).isEmpty();
		assertThat(clocks.alarms(OPENED.minusMillis(50))).isNotEmpty();
	}

	@Test
	void aReaderAheadOfTheHistoryReadsAsOfItsOwnNow() {
		IncidentClocks clocks = clocks(List.of(new StatusChange(OPENED, TrackedStatus.NEW)));
		Instant later = OPENED.plus(Duration.ofHours(2));

		SlaReading reading = clocks.read(later);

		assertThat(reading.asOf()).isEqualTo(later);
		assertThat(reading.response().breachedAt()).isEqualTo(OPENED.plus(Duration.ofHours(1)));
	}

	private static IncidentClocks clocks(List<StatusChange> history) {
		SlaPolicy policy = new SlaPolicy(null, Priority.HIGH, Duration.ofHours(1), Duration.ofHours(8),
				new BigDecimal("0.8"), List.of(Escalation.parse("ENGINEER")));
		AlarmSchedule schedule = new AlarmSchedule(
				new SlaClock(BusinessCalendar.aroundTheClock("24x7", ZoneId.of("Europe/Moscow")), policy),
				AlarmSchedule.DEFAULT_STEP, Optional.empty(), false);
		IncidentView incident = new IncidentView(7, OPENED, "agent", "engineer", "No signal", 1, 2, Priority.HIGH, null,
				3, 4, null, IncidentStatus.INWORK, null, "pi", null, null, null, null, false);
		return new IncidentClocks(incident, schedule, history);
	}

}
