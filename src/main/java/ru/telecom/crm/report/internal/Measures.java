package ru.telecom.crm.report.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.BusinessCalendar;
import ru.telecom.crm.sla.SlaClock;
import ru.telecom.crm.sla.SlaPolicy;
import ru.telecom.crm.sla.WorkingTime;

/** The calendars and policies a report measures incidents by. */
interface Measures {

	/** Targets of no meaning: a clock built with it only measures working time used. */
	SlaPolicy MEASURING_ONLY = new SlaPolicy(null, Priority.NORMAL, Duration.ofMinutes(1), Duration.ofMinutes(1), null,
			null);

	/** The clocks of an incident held to a policy; empty without policy or calendar. */
	Optional<SlaClock> clock(int serviceCode, int groupCode, Priority priority);

	/**
	 * The working time of the work group's calendar; around the clock in UTC when it has
	 * none.
	 */
	WorkingTime workingTime(int groupCode);

	/** A clock that measures the working time used on the group's calendar. */
	default SlaClock measuring(int groupCode) {
		return new SlaClock(workingTime(groupCode).calendar(), MEASURING_ONLY);
	}

	/** An incident's working time open between its creation and {@code at}. */
	default Duration age(IncidentTrack incident, Instant at) {
		return workingTime(incident.groupCode()).workingTimeBetween(incident.createdAt(), at);
	}

	/** What a report row is called. */
	interface Labels {

		String label(ru.telecom.crm.report.ReportGrouping grouping, String key);

	}

	/** Around the clock in UTC: the calendar of a group without one. */
	static BusinessCalendar aroundTheClock() {
		return BusinessCalendar.aroundTheClock("24x7-utc", java.time.ZoneOffset.UTC);
	}

}
