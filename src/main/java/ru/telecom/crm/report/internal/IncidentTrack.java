package ru.telecom.crm.report.internal;

import java.time.Instant;
import java.util.List;

import ru.telecom.crm.report.ReportGrouping;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.StatusChange;

/**
 * What a report reads of one incident.
 *
 * @param priority as of the report's instant (the incident's own, or what it was then
 * when it changed later)
 * @param history its status rows up to the report's instant, oldest first; empty when the
 * report needs only {@code closedAt}
 * @param closedAt its first {@code CLOSED} row, if any (also one after the report's
 * instant: the report compares)
 * @param closedBy the assignee that row names
 * @param reassignments its {@code REASSIGNED} activity rows up to the report's instant
 */
record IncidentTrack(long id, Instant createdAt, int groupCode, int serviceCode, Priority priority,
		List<StatusChange> history, Instant closedAt, String closedBy, int reassignments) {

	/** Its row's key under the grouping. */
	String key(ReportGrouping grouping) {
		return switch (grouping) {
			case GROUP -> Integer.toString(this.groupCode);
			case SERVICE -> Integer.toString(this.serviceCode);
			case PRIORITY -> this.priority.name();
		};
	}

	/** Open at the instant: created by then and not closed at or before it. */
	boolean openAt(Instant instant) {
		return !this.createdAt.isAfter(instant) && (this.closedAt == null || this.closedAt.isAfter(instant));
	}

}
