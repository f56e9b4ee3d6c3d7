package ru.telecom.crm.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.telecom.crm.access.Caller;
import ru.telecom.crm.report.ReportApi;
import ru.telecom.crm.report.ReportGrouping;
import ru.telecom.crm.report.ReportPeriod;
import ru.telecom.crm.shared.ForbiddenException;
import ru.telecom.crm.shared.InvalidInputException;

/**
 * The managers' reports (DESIGN §12) in the console: the four reports of the API, each
 * chosen by a link, with the period as dates of the user's time zone ({@code to}
 * included), the instant of the backlog, and the grouping; a wrong input is shown on its
 * field, with what was typed kept.
 */
@Controller
class ReportPages {

	/** The reports, by the name the API and the links use. */
	static final List<String> REPORTS = List.of("sla-compliance", "backlog-ageing", "engineer-performance",
			"queue-health");

	private final ReportApi reports;

	private final Clock clock;

	ReportPages(ReportApi reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/reports")
	String report(Caller caller, Model model, @RequestParam(defaultValue = "sla-compliance") String report,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String at, @RequestParam(required = false) String groupBy) {
		if (!caller.overseesWork()) {
			throw new ForbiddenException("Reports are for managers and administrators");
		}
		String chosen = REPORTS.contains(report) ? report : REPORTS.get(0);
		ZoneId zone = UserZone.current();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		String fromText = (from != null) ? from : today.minusDays(6).toString();
		String toText = (to != null) ? to : today.toString();
		model.addAttribute("report", chosen);
		model.addAttribute("reports", REPORTS);
		model.addAttribute("from", fromText);
		model.addAttribute("to", toText);
		model.addAttribute("at", (at != null) ? at : "");
		model.addAttribute("groupBy", (groupBy != null) ? groupBy : "group");
		model.addAttribute("groupings",
				chosen.equals("queue-health") ? List.of("group", "service") : List.of("group", "service", "priority"));
		try {
			model.addAttribute("result", run(caller, chosen, fromText, toText, at, groupBy, zone));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.fieldErrors());
		}
		return "console/reports";
	}

	private Object run(Caller caller, String report, String from, String to, String at, String groupBy, ZoneId zone) {
		return switch (report) {
			case "backlog-ageing" -> this.reports.backlogAgeing(caller, instant(at, zone),
					ReportGrouping.of(groupBy, ReportApi.SLA_GROUPINGS));
			case "engineer-performance" -> this.reports.engineerPerformance(caller, period(from, to, zone));
			case "queue-health" -> this.reports.queueHealth(caller, period(from, to, zone),
					ReportGrouping.of(groupBy, ReportApi.QUEUE_GROUPINGS));
			default -> this.reports.slaCompliance(caller, period(from, to, zone),
					ReportGrouping.of(groupBy, ReportApi.SLA_GROUPINGS));
		};
	}

	/** From the start of the first day to the end of the last, in the user's zone. */
	private static ReportPeriod period(String from, String to, ZoneId zone) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate first = date("from", from, errors);
		LocalDate last = date("to", to, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The report's parameters are wrong", errors);
		}
		return ReportPeriod.of(first.atStartOfDay(zone).toInstant().toString(),
				last.plusDays(1).atStartOfDay(zone).toInstant().toString());
	}

	private static LocalDate date(String name, String text, Map<String, String> errors) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(name, "'" + text + "' is not a date such as 2026-03-02");
			return null;
		}
	}

	/** A local date-time of the user's zone; now when empty. */
	private static Instant instant(String at, ZoneId zone) {
		if (at == null || at.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(at.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("at", "'" + at + "' is not a date and time such as 2026-03-02T09:00");
		}
	}

}
