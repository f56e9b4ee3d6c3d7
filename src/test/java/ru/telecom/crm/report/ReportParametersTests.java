package ru.telecom.crm.report;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import ru.telecom.crm.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;

class ReportParametersTests {

	@Test
	void aPeriodReadsInstantsAndOffsetDateTimes() {
		ReportPeriod period = ReportPeriod.of("2026-03-02T06:00:00Z", "2026-03-09T09:00:00+03:00");

		assertThat(period)
			.isEqualTo(new ReportPeriod(Instant.parse("2026-03-02T06:00:00Z"), Instant.parse("2026-03-09T06:00:00Z")));
	}

	@Test
	void aWrongPeriodNamesEachWrongParameter() {
		assertThat(errors(() -> ReportPeriod.of("yesterday", null)).fieldErrors()).containsOnlyKeys("from", "to");
		assertThat(errors(() -> ReportPeriod.of("2026-03-09T00:00:00Z", "2026-03-02T00:00:00Z")).fieldErrors())
			.containsOnlyKeys("from");
		assertThat(errors(() -> ReportPeriod.of("2026-03-02T00:00:00Z", "2026-03-02T00:00:00Z")).fieldErrors())
			.containsOnlyKeys("from");
		assertThat(errors(() -> ReportPeriod.of("2025-01-01T00:00:00Z", "2026-01-02T00:00:01Z")).fieldErrors())
			.containsOnlyKeys("to");
		assertThat(ReportPeriod.of("2025-01-01T00:00:00Z", "2026-01-02T00:00:00Z").to()).as("366 days exactly")
			.isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
		assertThat(errors(() -> ReportPeriod.instant("at", "soon")).fieldErrors()).containsOnlyKeys("at");
		assertThat(ReportPeriod.instant("at", " ")).isNull();
	}

	@Test
	void aGroupingIsOneOfThoseTheReportAllows() {
		assertThat(ReportGrouping.of(null, ReportApi.SLA_GROUPINGS)).isEqualTo(ReportGrouping.GROUP);
		assertThat(ReportGrouping.of("Priority", ReportApi.SLA_GROUPINGS)).isEqualTo(ReportGrouping.PRIORITY);
		assertThat(errors(() -> ReportGrouping.of("priority", ReportApi.QUEUE_GROUPINGS)).fieldErrors())
			.containsEntry("groupBy", "must be one of group, service");
		assertThat(errors(() -> ReportGrouping.of("engineer", ReportApi.SLA_GROUPINGS)).fieldErrors())
			.containsEntry("groupBy", "must be one of group, service, priority");
	}

	private static InvalidInputException errors(Runnable parse) {
		return (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(parse::run);
	}

}
