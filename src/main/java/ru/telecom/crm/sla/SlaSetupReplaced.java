package ru.telecom.crm.sla;

/**
 * Published when an import replaced the calendars and policies: the due dates of open
 * incidents are to be read again under them.
 */
public record SlaSetupReplaced(int calendars, int policies) {
}
