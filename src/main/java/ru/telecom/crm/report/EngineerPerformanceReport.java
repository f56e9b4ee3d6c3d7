package ru.telecom.crm.report;

import java.time.Instant;
import java.util.List;

/**
 * What each engineer closed in a period and how long it took, in working time of the
 * incidents' work groups' calendars.
 *
 * @param rows one per engineer who closed an incident in the period, by user id
 */
public record EngineerPerformanceReport(Instant from, Instant to, List<Row> rows) {

	/**
	 * @param engineer the user id of the assignee when the incident closed
	 * @param handled how many incidents the engineer closed in the period
	 * @param respond from creation to the first {@code INWORK}
	 * @param resolve from creation to {@code CLOSED}, the time {@code ON_HOLD} not
	 * counted
	 * @param reassignments how many times the incidents the engineer closed went from one
	 * engineer to another before they closed ({@code REASSIGNED} activity rows)
	 */
	public record Row(String engineer, long handled, Spread respond, Spread resolve, long reassignments) {
	}

	/**
	 * The median and the 90th percentile of working minutes, by nearest rank: the
	 * smallest value that at least half (90 %) of the values do not exceed.
	 */
	public record Spread(double medianMinutes, double p90Minutes) {
	}

}
