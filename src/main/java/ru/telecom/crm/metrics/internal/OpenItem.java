package ru.telecom.crm.metrics.internal;

import java.time.Instant;

/**
 * An open request or incident as the metrics label it: {@code group} and {@code service}
 * are catalog codes (empty for requests), {@code assignee} is empty when nobody has it.
 * {@code statusSince} is when its current status began; {@code dueAt} the SLA due instant
 * an incident is worked against (null for requests, on hold, or without a service level).
 */
record OpenItem(String type, long id, String status, String group, String service, String assignee, String priority,
		Instant createdAt, Instant statusSince, Instant dueAt) {
}
