package ru.telecom.crm.report.internal;

import java.time.Duration;
import java.util.List;

/** Durations as the reports give them: minutes, to two decimals. */
final class Minutes {

	private Minutes() {
	}

	static double of(Duration duration) {
		return Math.round(duration.toNanos() / 600_000_000.0) / 100.0;
	}

	/**
	 * The nearest-rank percentile of sorted values: the smallest value that at least
	 * {@code share} of them do not exceed.
	 */
	static Duration percentile(List<Duration> sorted, double share) {
		int rank = (int) Math.ceil(share * sorted.size());
		return sorted.get(Math.max(rank, 1) - 1);
	}

}
