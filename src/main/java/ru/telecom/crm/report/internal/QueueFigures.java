package ru.telecom.crm.report.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ru.telecom.crm.report.OldestItem;
import ru.telecom.crm.report.QueueHealthReport;
import ru.telecom.crm.report.QueueHealthReport.Day;
import ru.telecom.crm.report.QueueHealthReport.Row;
import ru.telecom.crm.report.ReportGrouping;
import ru.telecom.crm.report.ReportPeriod;
import ru.telecom.crm.report.internal.AgeingFigures.Aged;

/** Queue health from the incidents' creation and closing: plain arithmetic. */
final class QueueFigures {

	private QueueFigures() {
	}

	/**
	 * @param incidents those created before the period's end and not closed before its
	 * start (others are left out)
	 * @param asOf where the work in progress is counted: the period's end, or now
	 * @param zone where the days begin and end
	 */
	static QueueHealthReport of(ReportPeriod period, Instant asOf, ZoneId zone, ReportGrouping grouping,
			List<IncidentTrack> incidents, Measures measures, Measures.Labels labels) {
		List<LocalDate> days = days(period, zone);
		Map<String, Tally> rows = new TreeMap<>(grouping.keyOrder());
		Tally total = new Tally(days);
		for (IncidentTrack incident : incidents) {
			Tally row = null;
			if (within(incident.createdAt(), period)) {
				row = rows.computeIfAbsent(incident.key(grouping), (key) -> new Tally(days));
				LocalDate day = LocalDate.ofInstant(incident.createdAt(), zone);
				row.arrived(day);
				total.arrived(day);
			}
			if (incident.closedAt() != null && within(incident.closedAt(), period)) {
				row = rows.computeIfAbsent(incident.key(grouping), (key) -> new Tally(days));
				LocalDate day = LocalDate.ofInstant(incident.closedAt(), zone);
				row.completed(day);
				total.completed(day);
			}
			if (incident.openAt(asOf)) {
				row = rows.computeIfAbsent(incident.key(grouping), (key) -> new Tally(days));
				Aged aged = new Aged(incident, measures.age(incident, asOf));
				row.open(aged);
				total.open(aged);
			}
		}
		List<Row> labelled = new ArrayList<>();
		rows.forEach((key, tally) -> labelled.add(tally.row(key, labels.label(grouping, key))));
		return new QueueHealthReport(period.from(), period.to(), asOf, zone.getId(), grouping, labelled,
				total.row("total", "total"));
	}

	private static boolean within(Instant instant, ReportPeriod period) {
		return !instant.isBefore(period.from()) && instant.isBefore(period.to());
	}

	/** The days the period touches, in the zone. */
	static List<LocalDate> days(ReportPeriod period, ZoneId zone) {
		List<LocalDate> days = new ArrayList<>();
		LocalDate last = LocalDate.ofInstant(period.to().minusNanos(1), zone);
		for (LocalDate day = LocalDate.ofInstant(period.from(), zone); !day.isAfter(last); day = day.plusDays(1)) {
			days.add(day);
		}
		return days;
	}

	private static final class Tally {

		private final List<LocalDate> days;

		private final Map<LocalDate, long[]> perDay = new TreeMap<>();

		private long arrivals;

		private long completions;

		private long open;

		private Aged oldest;

		Tally(List<LocalDate> days) {
			this.days = days;
		}

		void arrived(LocalDate day) {
			this.arrivals++;
			this.perDay.computeIfAbsent(day, (key) -> new long[2])[0]++;
		}

		void completed(LocalDate day) {
			this.completions++;
			this.perDay.computeIfAbsent(day, (key) -> new long[2])[1]++;
		}

		void open(Aged aged) {
			this.open++;
			if (this.oldest == null || Aged.OLDEST_FIRST.compare(aged, this.oldest) < 0) {
				this.oldest = aged;
			}
		}

		Row row(String key, String label) {
			List<Day> figures = this.days.stream().map((day) -> {
				long[] counts = this.perDay.getOrDefault(day, new long[2]);
				return new Day(day, counts[0], counts[1]);
			}).toList();
			OldestItem oldestOpen = (this.oldest != null) ? this.oldest.item() : null;
			return new Row(key, label, this.arrivals, this.completions, figures, this.open, oldestOpen);
		}

	}

}
