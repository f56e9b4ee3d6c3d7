package ru.telecom.crm.incident;

import java.time.Instant;

/**
 * An incident on hold and since when: the time of its last status change, the one that
 * put it on hold.
 */
public record HeldIncident(IncidentView incident, Instant since) {
}
