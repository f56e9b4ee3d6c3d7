package ru.telecom.crm.status;

/**
 * A status row was written. Published in the transaction of the change, before it
 * commits, so that a listener writing in the same transaction (the history's outbox)
 * commits or rolls back with it; nothing listens unless that listener is configured.
 */
public record StatusRecorded(StatusEntry entry) {
}
