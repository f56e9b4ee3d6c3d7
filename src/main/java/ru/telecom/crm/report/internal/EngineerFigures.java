package ru.telecom.crm.report.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ru.telecom.crm.report.EngineerPerformanceReport;
import ru.telecom.crm.report.EngineerPerformanceReport.Row;
import ru.telecom.crm.report.EngineerPerformanceReport.Spread;
import ru.telecom.crm.report.ReportPeriod;
import ru.telecom.crm.sla.SlaReading;

/** Engineer performance from the incidents' histories: plain arithmetic. */
final class EngineerFigures {

	/** Who is credited with an incident closed by nobody assigned. */
	static final String NOBODY = "(unassigned)";

	private EngineerFigures() {
	}

	/**
	 * @param incidents those that may have closed in the period (others are left out),
	 * each with its rows up to the period's end
	 */
	static EngineerPerformanceReport of(ReportPeriod period, List<IncidentTrack> incidents, Measures measures) {
		Map<String, Tally> engineers = new TreeMap<>();
		// calendars asked here, in the caller's thread and transaction; then the clocks
		// are read on every core: each incident's reading is its own
		incidents.forEach((incident) -> measures.workingTime(incident.groupCode()));
		incidents.parallelStream().filter((incident) -> closedWithin(incident, period)).map((incident) -> {
			SlaReading reading = measures.measuring(incident.groupCode()).read(incident.history(), incident.closedAt());
			return new Handled((incident.closedBy() != null) ? incident.closedBy() : NOBODY, reading,
					incident.reassignments());
		})
			.toList()
			.forEach((handled) -> engineers.computeIfAbsent(handled.engineer(), (key) -> new Tally())
				.add(handled.reading().response().used(), handled.reading().resolution().used(),
						handled.reassignments()));
		List<Row> rows = new ArrayList<>();
		engineers.forEach((engineer, tally) -> rows.add(tally.row(engineer)));
		return new EngineerPerformanceReport(period.from(), period.to(), rows);
	}

	private static boolean closedWithin(IncidentTrack incident, ReportPeriod period) {
		Instant closed = incident.closedAt();
		return closed != null && !closed.isBefore(period.from()) && closed.isBefore(period.to())
				&& !incident.history().isEmpty();
	}

	private record Handled(String engineer, SlaReading reading, int reassignments) {
	}

	private static final class Tally {

		private final List<Duration> respond = new ArrayList<>();

		private final List<Duration> resolve = new ArrayList<>();

		private long reassignments;

		void add(Duration respond, Duration resolve, int reassignments) {
			this.respond.add(respond);
			this.resolve.add(resolve);
			this.reassignments += reassignments;
		}

		Row row(String engineer) {
			return new Row(engineer, this.respond.size(), spread(this.respond), spread(this.resolve),
					this.reassignments);
		}

		private static Spread spread(List<Duration> values) {
			List<Duration> sorted = values.stream().sorted().toList();
			return new Spread(Minutes.of(Minutes.percentile(sorted, 0.5)), Minutes.of(Minutes.percentile(sorted, 0.9)));
		}

	}

}
