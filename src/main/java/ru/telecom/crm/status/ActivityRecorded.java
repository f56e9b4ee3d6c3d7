package ru.telecom.crm.status;

/**
 * An activity row was written; published like {@link StatusRecorded}, in the transaction
 * of the change.
 */
public record ActivityRecorded(ActivityEntry entry) {
}
