package ru.telecom.crm.report;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import ru.telecom.crm.access.Caller;

/**
 * The managers' reports (DESIGN §12). Each is recomputed from the status history of the
 * incidents in the caller's scope (managers: their DESIGN §3 scope, administrators: all),
 * reading only rows up to the report's instant, so that a report on the past reads the
 * same whenever it runs.
 * <p>
 * Each throws {@link ru.telecom.crm.shared.ForbiddenException} for a caller who is
 * neither a manager nor an administrator.
 */
public interface ReportApi {

	/** What SLA compliance, backlog ageing and queue health may be grouped by. */
	Set<ReportGrouping> SLA_GROUPINGS = EnumSet.allOf(ReportGrouping.class);

	/** Queue health by work group or service (arrivals have no settled priority). */
	Set<ReportGrouping> QUEUE_GROUPINGS = EnumSet.of(ReportGrouping.GROUP, ReportGrouping.SERVICE);

	/**
	 * The incidents created in the period against their targets, read as of the period's
	 * end (or now while it lasts), under the policy of the priority each had then.
	 */
	SlaComplianceReport slaCompliance(Caller caller, ReportPeriod period, ReportGrouping groupBy);

	/** The incidents open at {@code at} ({@code null}: now) by their working age. */
	BacklogAgeingReport backlogAgeing(Caller caller, Instant at, ReportGrouping groupBy);

	/** Per engineer, the incidents closed in the period. */
	EngineerPerformanceReport engineerPerformance(Caller caller, ReportPeriod period);

	/** Arrivals and completions per day, work in progress and the oldest open item. */
	QueueHealthReport queueHealth(Caller caller, ReportPeriod period, ReportGrouping groupBy);

}
