package ru.telecom.crm.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Arrivals against completions per day in a period, the work in progress at its end and
 * the oldest item then open.
 *
 * @param asOf where the work in progress is counted: {@code to}, or now when {@code to}
 * is still ahead
 * @param zone the time zone the days are counted in (the helpdesk calendar's)
 * @param rows one per group or service with arrivals, completions or open work, in order
 * @param total all of them
 */
public record QueueHealthReport(Instant from, Instant to, Instant asOf, String zone, ReportGrouping groupBy,
		List<Row> rows, Row total) {

	/**
	 * @param arrivals incidents created in the period
	 * @param completions incidents closed in the period
	 * @param days per day of the period: arrivals and completions
	 * @param workInProgress incidents open at {@code asOf}
	 * @param oldestOpen the oldest of them; {@code null} when none
	 */
	public record Row(String key, String label, long arrivals, long completions, List<Day> days, long workInProgress,
			OldestItem oldestOpen) {
	}

	/** One day's arrivals and completions. */
	public record Day(LocalDate date, long arrivals, long completions) {
	}

}
