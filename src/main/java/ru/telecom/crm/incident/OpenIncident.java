package ru.telecom.crm.incident;

import ru.telecom.crm.shared.Priority;

/** An incident about to be opened for a request and a catalog service. */
/**
 * @param summary what the incident's forms show: client, order, what the client reports
 */
public record OpenIncident(long serviceRequestId, long clientId, Priority priority, int serviceCode, String summary) {
}
