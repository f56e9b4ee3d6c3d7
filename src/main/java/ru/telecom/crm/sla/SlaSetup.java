package ru.telecom.crm.sla;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every calendar and policy, as the administrators' import takes them and the export
 * gives them back. Values are text where the import reports a wrong one field by field.
 *
 * @param groupCalendars the calendar code of each work group, by the group's code
 */
public record SlaSetup(List<CalendarEntry> calendars,
		@Schema(description = "The calendar of each work group: work group code → calendar code",
				example = "{\"100\": \"msk-office\", \"200\": \"msk-24x7\"}") Map<String, String> groupCalendars,
		@Schema(description = "The calendar code of the helpdesk (first line)",
				example = "msk-helpdesk") String helpdeskCalendar,
		List<PolicyEntry> policies) {

	public SlaSetup {
		calendars = (calendars != null) ? calendars : List.of();
		groupCalendars = (groupCalendars != null) ? groupCalendars : Map.of();
		policies = (policies != null) ? policies : List.of();
	}

	/** A calendar: working hours per weekday in its time zone, and holidays. */
	public record CalendarEntry(@Schema(example = "msk-office") String code,
			@Schema(example = "Moscow office hours") String name,
			@Schema(description = "An IANA time zone", example = "Europe/Moscow") String zone,
			@Schema(description = "Working intervals; several a day, none across midnight") List<HoursEntry> hours,
			List<HolidayEntry> holidays) {

		public CalendarEntry {
			hours = (hours != null) ? hours : List.of();
			holidays = (holidays != null) ? holidays : List.of();
		}

	}

	/** A working interval of a weekday, {@code from} inclusive, {@code to} exclusive. */
	public record HoursEntry(@Schema(example = "MONDAY", allowableValues = {
			"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" }) String day,
			@Schema(description = "HH:mm", example = "09:00") String from,
			@Schema(description = "HH:mm, after from; 24:00 for the end of the day", example = "13:00") String to){
	}

	/** A day off, whole. */
	public record HolidayEntry(@Schema(description = "ISO date", example = "2026-01-01") String date,
			@Schema(example = "New Year holidays") String name) {
	}

	/**
	 * The targets of a service at a priority, or the default of a priority when
	 * {@code service} is null.
	 */
	public record PolicyEntry(
			@Schema(description = "The service's code; null for the default of the priority, which holds for "
					+ "services without their own", example = "1001", nullable = true) Integer service,
			@Schema(allowableValues = {
					"LOW", "NORMAL", "HIGH", "CRITICAL" }) String priority,
			@Schema(description = "Working minutes until the incident is first INWORK",
					example = "60") Integer responseMinutes,
			@Schema(description = "Working minutes until it is CLOSED, time ON_HOLD not counted",
					example = "480") Integer resolutionMinutes,
			@Schema(description = "The share of a target at which a warning is due, strictly between 0 and 1; "
					+ "0.8 when left out", example = "0.8") BigDecimal warnAt,
			@Schema(description = "The escalation chain, in order: ENGINEER, GROUP_MANAGER, AGENT_MANAGER, "
					+ "HEAD_OF_SUPPORT:address",
					example = "[\"ENGINEER\", \"GROUP_MANAGER\", \"HEAD_OF_SUPPORT:head@telecom.example\"]") List<String> escalation){

		public PolicyEntry {
			escalation = (escalation != null) ? escalation : List.of();
		}

	}

}
