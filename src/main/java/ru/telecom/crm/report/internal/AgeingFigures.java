package ru.telecom.crm.report.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ru.telecom.crm.report.BacklogAgeingReport;
import ru.telecom.crm.report.BacklogAgeingReport.Bucket;
import ru.telecom.crm.report.BacklogAgeingReport.Row;
import ru.telecom.crm.report.OldestItem;
import ru.telecom.crm.report.ReportGrouping;

/** Backlog ageing from the incidents' creation and closing: plain arithmetic. */
final class AgeingFigures {

	/**
	 * The buckets' names and lower bounds in working time; a day is 24 working hours
	 * (three days of an 8-hour office, one of a 24×7 group).
	 */
	static final List<String> BUCKETS = List.of("<4h", "4-8h", "8-24h", "1-3d", ">3d");

	private static final List<Duration> LOWER_BOUNDS = List.of(Duration.ZERO, Duration.ofHours(4), Duration.ofHours(8),
			Duration.ofHours(24), Duration.ofHours(72));

	private AgeingFigures() {
	}

	/**
	 * @param incidents those that may have been open at {@code at} (others are left out)
	 */
	static BacklogAgeingReport of(Instant at, ReportGrouping grouping, List<IncidentTrack> incidents, Measures measures,
			Measures.Labels labels) {
		Map<String, Tally> rows = new TreeMap<>(grouping.keyOrder());
		Tally total = new Tally();
		for (IncidentTrack incident : incidents) {
			if (!incident.openAt(at)) {
				continue;
			}
			Aged aged = new Aged(incident, measures.age(incident, at));
			rows.computeIfAbsent(incident.key(grouping), (key) -> new Tally()).add(aged);
			total.add(aged);
		}
		List<Row> labelled = new ArrayList<>();
		rows.forEach((key, tally) -> labelled.add(tally.row(key, labels.label(grouping, key))));
		return new BacklogAgeingReport(at, grouping, BUCKETS, labelled, total.row("total", "total"));
	}

	static int bucketOf(Duration age) {
		int bucket = 0;
		while (bucket + 1 < LOWER_BOUNDS.size() && age.compareTo(LOWER_BOUNDS.get(bucket + 1)) >= 0) {
			bucket++;
		}
		return bucket;
	}

	/** An open incident and its working age. */
	record Aged(IncidentTrack incident, Duration age) {

		/**
		 * The longest open first; of equal age the earliest created, then the lowest id.
		 */
		static final Comparator<Aged> OLDEST_FIRST = Comparator.comparing(Aged::age)
			.reversed()
			.thenComparing((aged) -> aged.incident().createdAt())
			.thenComparingLong((aged) -> aged.incident().id());

		OldestItem item() {
			return new OldestItem(this.incident.id(), this.incident.createdAt(), Minutes.of(this.age));
		}

	}

	private static final class Tally {

		private final long[] counts = new long[BUCKETS.size()];

		private long open;

		private Aged oldest;

		void add(Aged aged) {
			this.open++;
			this.counts[bucketOf(aged.age())]++;
			if (this.oldest == null || Aged.OLDEST_FIRST.compare(aged, this.oldest) < 0) {
				this.oldest = aged;
			}
		}

		Row row(String key, String label) {
			List<Bucket> ages = new ArrayList<>();
			for (int i = 0; i < BUCKETS.size(); i++) {
				ages.add(new Bucket(BUCKETS.get(i), this.counts[i]));
			}
			return new Row(key, label, this.open, ages, (this.oldest != null) ? this.oldest.item() : null);
		}

	}

}
