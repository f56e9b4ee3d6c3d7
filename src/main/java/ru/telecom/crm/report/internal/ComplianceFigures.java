package ru.telecom.crm.report.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import ru.telecom.crm.report.ReportGrouping;
import ru.telecom.crm.report.ReportPeriod;
import ru.telecom.crm.report.SlaComplianceReport;
import ru.telecom.crm.report.SlaComplianceReport.Row;
import ru.telecom.crm.report.SlaComplianceReport.Target;
import ru.telecom.crm.sla.ClockReading;
import ru.telecom.crm.sla.SlaClock;
import ru.telecom.crm.sla.SlaReading;

/** SLA compliance from the incidents' histories: plain arithmetic, no I/O. */
final class ComplianceFigures {

	private ComplianceFigures() {
	}

	/**
	 * @param incidents those created in the period, each with its rows up to {@code asOf}
	 * and its priority as of then
	 */
	static SlaComplianceReport of(ReportPeriod period, Instant asOf, ReportGrouping grouping,
			List<IncidentTrack> incidents, Measures measures, Measures.Labels labels) {
		Map<String, Row> rows = new TreeMap<>(grouping.keyOrder());
		// policies and calendars asked here, in the caller's thread and transaction; then
		// the clocks are read on every core: each incident's reading is its own
		incidents
			.forEach((incident) -> measures.clock(incident.serviceCode(), incident.groupCode(), incident.priority()));
		incidents.parallelStream()
			.map((incident) -> figures(incident, asOf, measures, incident.key(grouping)))
			.toList()
			.forEach((figures) -> rows.merge(figures.key(), figures, ComplianceFigures::sum));
		List<Row> labelled = rows.values()
			.stream()
			.map((row) -> new Row(row.key(), labels.label(grouping, row.key()), row.incidents(), row.withoutPolicy(),
					row.response(), row.resolution()))
			.toList();
		Row total = labelled.stream()
			.reduce(new Row(null, null, 0, 0, Target.NONE, Target.NONE), ComplianceFigures::sum);
		return new SlaComplianceReport(period.from(), period.to(), asOf, grouping, labelled, new Row("total", "total",
				total.incidents(), total.withoutPolicy(), total.response(), total.resolution()));
	}

	private static Row figures(IncidentTrack incident, Instant asOf, Measures measures, String key) {
		Optional<SlaClock> clock = measures.clock(incident.serviceCode(), incident.groupCode(), incident.priority());
		if (clock.isEmpty() || incident.history().isEmpty()) {
			return new Row(key, null, 1, 1, Target.NONE, Target.NONE);
		}
		SlaReading reading = clock.get().read(incident.history(), asOf);
		return new Row(key, null, 1, 0, target(reading.response()), target(reading.resolution()));
	}

	/** Where one clock stands: met, breached or open (and then perhaps at risk). */
	static Target target(ClockReading clock) {
		if (clock.breached()) {
			return new Target(0, 1, 0, 0);
		}
		if (clock.met()) {
			return new Target(1, 0, 0, 0);
		}
		return new Target(0, 0, 1, (clock.warnedAt() != null) ? 1 : 0);
	}

	private static Row sum(Row a, Row b) {
		return new Row(b.key(), b.label(), a.incidents() + b.incidents(), a.withoutPolicy() + b.withoutPolicy(),
				a.response().plus(b.response()), a.resolution().plus(b.resolution()));
	}

}
