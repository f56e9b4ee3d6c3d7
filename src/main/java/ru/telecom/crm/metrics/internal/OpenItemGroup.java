package ru.telecom.crm.metrics.internal;

import java.time.Instant;

/** Open items with the same labels: how many, and since when the oldest is open. */
record OpenItemGroup(String type, String status, String group, String service, String assignee, String priority,
		long count, Instant oldestCreatedAt) {
}
