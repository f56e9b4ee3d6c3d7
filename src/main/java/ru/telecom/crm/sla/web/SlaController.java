package ru.telecom.crm.sla.web;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.telecom.crm.sla.SlaApi;
import ru.telecom.crm.sla.SlaSetup;

/**
 * The service levels' calendars and policies, for administrators ({@code /api/admin/**}
 * is theirs alone): read, and replaced as a whole.
 */
@RestController
class SlaController {

	private static final String PATH = "/api/admin/sla";

	private final SlaApi sla;

	SlaController(SlaApi sla) {
		this.sla = sla;
	}

	@GetMapping(PATH)
	@Operation(summary = "The calendars and service-level policies (administrators)",
			description = "In the shape PUT takes, so that what GET answers can be edited and sent back.")
	SlaSetup read() {
		return this.sla.setup();
	}

	@PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace every calendar and service-level policy (administrators)",
			description = "All or nothing: every error is reported at once, by field, in a 400 problem document "
					+ "(unknown time zone, overlapping intervals, an interval ending at or before its start, an "
					+ "unknown work group or service, a target that is not a positive number of working minutes, "
					+ "warnAt outside (0, 1)...), and nothing changes. Calendars: working intervals per weekday, "
					+ "several a day, none across midnight (an overnight shift is two intervals; 24:00 ends a day); "
					+ "holidays are whole days off. Each work group named in groupCalendars and the helpdesk work "
					+ "by a calendar of the import. Policies: per service (its code) and priority, or the default "
					+ "of a priority (service null, required for every priority), with targets in working minutes. "
					+ "Answers what is stored now.")
	SlaSetup replace(@RequestBody SlaSetup setup) {
		return this.sla.replace(setup);
	}

}
