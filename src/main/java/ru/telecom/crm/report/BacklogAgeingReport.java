package ru.telecom.crm.report;

import java.time.Instant;
import java.util.List;

/**
 * The incidents open at an instant, by their age in working time of their work group's
 * calendar.
 *
 * @param at the instant (now when none was asked, or when the one asked is still ahead)
 * @param buckets the age buckets in order, as each row's counts name them
 * @param rows one per group, service or priority with open incidents, in order
 * @param total every open incident of the report
 */
public record BacklogAgeingReport(Instant at, ReportGrouping groupBy, List<String> buckets, List<Row> rows, Row total) {

	/**
	 * @param open how many incidents were open at the instant
	 * @param ages how many of them in each bucket, in the buckets' order
	 * @param oldest the longest open, by working time; {@code null} when none is open
	 */
	public record Row(String key, String label, long open, List<Bucket> ages, OldestItem oldest) {
	}

	/** How many open incidents are of an age in {@code [from, to)}. */
	public record Bucket(String bucket, long count) {
	}

}
