package ru.telecom.crm.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.access.Caller;
import ru.telecom.crm.report.BacklogAgeingReport;
import ru.telecom.crm.report.EngineerPerformanceReport;
import ru.telecom.crm.report.QueueHealthReport;
import ru.telecom.crm.report.ReportApi;
import ru.telecom.crm.report.ReportGrouping;
import ru.telecom.crm.report.ReportPeriod;
import ru.telecom.crm.report.SlaComplianceReport;

/**
 * The managers' reports (DESIGN §12) as JSON: instants ISO-8601, durations in working
 * minutes. Parameters are read here, so that a wrong one is a 400 naming it.
 */
@RestController
@Tag(name = "Reports")
class ReportController {

	private static final String SCOPE = " Managers see the incidents of their scope (DESIGN §3: as the incident "
			+ "lists show them), administrators all; anyone else gets 403. Every figure is recomputed from the "
			+ "status history, reading only rows up to the report's instant, so a report on a past period reads "
			+ "the same whenever it runs (as long as the calendars and policies stay the same). Bad input (an "
			+ "unreadable instant, from not before to, a period over 366 days, an unknown groupBy) is a 400 "
			+ "problem document whose errors name the parameter.";

	private static final String FROM = "Start of the period, inclusive: an ISO-8601 instant (2026-03-02T06:00:00Z) "
			+ "or date-time with offset";

	private static final String TO = "End of the period, exclusive; at most 366 days after from";

	private final AccessPolicy access;

	private final ReportApi reports;

	ReportController(AccessPolicy access, ReportApi reports) {
		this.access = access;
		this.reports = reports;
	}

	@GetMapping("/api/reports/sla-compliance")
	@Operation(summary = "SLA compliance of the incidents created in a period",
			description = "Per work group, service or priority: for the response target (until first INWORK) and "
					+ "the resolution target (until CLOSED, not counting ON_HOLD), how many incidents met it, "
					+ "breached it, are still open, and of those how many are at risk (past the policy's warning "
					+ "share, 80 % by default). Clocks are read as of `to` (now while the period lasts), in working "
					+ "time of the work group's calendar, under the policy of the incident's service and of the "
					+ "priority it had at that instant (a later PRIORITY_CHANGED is undone for the report). "
					+ "Incidents without a policy or calendar count in `withoutPolicy` only." + SCOPE)
	SlaComplianceReport slaCompliance(Authentication user,
			@Parameter(description = FROM, required = true) @RequestParam(required = false) String from,
			@Parameter(description = TO, required = true) @RequestParam(required = false) String to,
			@Parameter(description = "Rows per work group (default), service or priority",
					schema = @Schema(allowableValues = { "group", "service", "priority" })) @RequestParam(
							required = false) String groupBy) {
		ReportPeriod period = ReportPeriod.of(from, to);
		ReportGrouping grouping = ReportGrouping.of(groupBy, ReportApi.SLA_GROUPINGS);
		return this.reports.slaCompliance(caller(user), period, grouping);
	}

	@GetMapping("/api/reports/backlog-ageing")
	@Operation(summary = "The incidents open at an instant, by age in business hours",
			description = "Incidents created at or before `at` and not closed by then, per work group, service or "
					+ "priority (the priority they had at `at`), counted by their working time open on their work "
					+ "group's calendar: <4h, 4-8h, 8-24h, 1-3d, >3d, a day being 24 working hours; with the "
					+ "oldest of each row (id, creation, age in working minutes)." + SCOPE)
	BacklogAgeingReport backlogAgeing(Authentication user,
			@Parameter(description = "The instant; now when not given (or when still ahead)") @RequestParam(
					required = false) String at,
			@Parameter(description = "Rows per work group (default), service or priority",
					schema = @Schema(allowableValues = { "group", "service", "priority" })) @RequestParam(
							required = false) String groupBy) {
		ReportGrouping grouping = ReportGrouping.of(groupBy, ReportApi.SLA_GROUPINGS);
		return this.reports.backlogAgeing(caller(user), ReportPeriod.instant("at", at), grouping);
	}

	@GetMapping("/api/reports/engineer-performance")
	@Operation(summary = "Per engineer, the incidents closed in a period",
			description = "Each engineer credited with the incidents they were assigned when the incident closed "
					+ "(its CLOSED status row) in the period: how many, the median and 90th percentile (nearest "
					+ "rank) of the working minutes to respond (creation to first INWORK) and to resolve "
					+ "(creation to CLOSED, ON_HOLD time not counted), on the work group's calendar; and how many "
					+ "REASSIGNED activity rows those incidents had." + SCOPE)
	EngineerPerformanceReport engineerPerformance(Authentication user,
			@Parameter(description = FROM, required = true) @RequestParam(required = false) String from,
			@Parameter(description = TO, required = true) @RequestParam(required = false) String to) {
		return this.reports.engineerPerformance(caller(user), ReportPeriod.of(from, to));
	}

	@GetMapping("/api/reports/queue-health")
	@Operation(summary = "Arrivals against completions, work in progress and the oldest open item",
			description = "Per work group or service: incidents created and closed in the period, in total and per "
					+ "day (days of the helpdesk calendar's time zone), how many were open at `to` (now while the "
					+ "period lasts) and the oldest of those by working time (id, creation, age in working "
					+ "minutes)." + SCOPE)
	QueueHealthReport queueHealth(Authentication user,
			@Parameter(description = FROM, required = true) @RequestParam(required = false) String from,
			@Parameter(description = TO, required = true) @RequestParam(required = false) String to,
			@Parameter(description = "Rows per work group (default) or service",
					schema = @Schema(allowableValues = { "group", "service" })) @RequestParam(
							required = false) String groupBy) {
		ReportPeriod period = ReportPeriod.of(from, to);
		ReportGrouping grouping = ReportGrouping.of(groupBy, ReportApi.QUEUE_GROUPINGS);
		return this.reports.queueHealth(caller(user), period, grouping);
	}

	private Caller caller(Authentication user) {
		return this.access.caller(user.getName());
	}

}
