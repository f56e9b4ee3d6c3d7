package ru.telecom.crm.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Durations in nanoseconds, appended by one thread, merged and summarised afterwards. */
final class Latencies {

	private long[] values = new long[1024];

	private int size;

	void add(long nanos) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = nanos;
	}

	void addAll(Latencies other) {
		for (int i = 0; i < other.size; i++) {
			add(other.values[i]);
		}
	}

	int count() {
		return this.size;
	}

	/** Count, p50, p90, p99 and max in milliseconds. */
	Map<String, Object> summary() {
		long[] sorted = Arrays.copyOf(this.values, this.size);
		Arrays.sort(sorted);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("count", this.size);
		summary.put("p50", millis(sorted, 0.50));
		summary.put("p90", millis(sorted, 0.90));
		summary.put("p99", millis(sorted, 0.99));
		summary.put("max", (this.size == 0) ? Double.NaN : sorted[this.size - 1] / 1e6);
		return summary;
	}

	private static double millis(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(quantile * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

}
