package ru.telecom.crm.report;

import java.time.Instant;

/**
 * The open incident that has waited longest, in working time of its work group's
 * calendar.
 *
 * @param ageMinutes its working time open, in minutes
 */
public record OldestItem(long id, Instant createdAt, double ageMinutes) {

}
