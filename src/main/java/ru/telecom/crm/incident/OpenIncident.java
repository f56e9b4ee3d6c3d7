package ru.telecom.crm.incident;

import ru.telecom.crm.shared.Priority;

/**
 * An incident about to be opened for a request and a catalog service.
 *
 * @param summary what the incident's forms show: client, order, what the client reports
 * @param clientName the client's short name, which the incident's tasks' names carry;
 * {@code null} when unknown
 */
public record OpenIncident(long serviceRequestId, long clientId, Priority priority, int serviceCode, String summary,
		String clientName) {

	/** An incident whose tasks' names show no client. */
	public OpenIncident(long serviceRequestId, long clientId, Priority priority, int serviceCode, String summary) {
		this(serviceRequestId, clientId, priority, serviceCode, summary, null);
	}

}
