package ru.telecom.crm.report.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import ru.telecom.crm.sla.StatusChange;
import ru.telecom.crm.sla.TrackedStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ReportReaderTests {

	@Test
	void aFoldedHistoryReadsBackToTheMicrosecondInItsOrder() {
		String folded = "1793431200123456 NEW,1793431200123456 ASSIGNED,1793434800000001 INWORK,1793438400999999 CLOSED";

		assertThat(ReportReader.history(folded)).containsExactly(
				new StatusChange(Instant.parse("2026-10-31T07:20:00.123456Z"), TrackedStatus.NEW),
				StatusChange.of(Instant.parse("2026-10-31T07:20:00.123456Z"), "ASSIGNED"),
				new StatusChange(Instant.parse("2026-10-31T08:20:00.000001Z"), TrackedStatus.INWORK),
				new StatusChange(Instant.parse("2026-10-31T09:20:00.999999Z"), TrackedStatus.CLOSED));
		assertThat(ReportReader.history(null)).isEmpty();
		assertThat(ReportReader.history("")).isEmpty();
	}

}
