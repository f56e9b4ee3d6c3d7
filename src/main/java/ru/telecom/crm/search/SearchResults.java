package ru.telecom.crm.search;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

import ru.telecom.crm.customer.ClientHit;
import ru.telecom.crm.customer.OrderHit;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.shared.Priority;

/**
 * What the search across everything found, at most {@value GlobalSearch#TOP} of each
 * kind, newest (requests, incidents) or by name (clients, orders: ours first, then
 * LegacyDB's).
 *
 * @param legacyAvailable whether LegacyDB answered; when false, clients and orders are
 * ours only
 */
public record SearchResults(String query, List<RequestHit> requests, List<IncidentHit> incidents,
		List<ClientHit> clients, List<OrderHit> orders,
		@Schema(description = "False when LegacyDB did not answer: clients and orders are then ours only") boolean legacyAvailable) {

	@JsonIgnore
	public boolean isEmpty() {
		return this.requests.isEmpty() && this.incidents.isEmpty() && this.clients.isEmpty() && this.orders.isEmpty();
	}

	/** A request the caller may read. */
	public record RequestHit(long id, Instant createdAt, RequestStatus status, Priority priority, Long clientId,
			String clientName, @Schema(description = "Its first 200 characters") String description, String assignee) {
	}

	/** An incident the caller may read. */
	public record IncidentHit(long id, Instant createdAt, IncidentStatus status, Priority priority,
			long serviceRequestId, long clientId, String clientName,
			@Schema(description = "Its first 200 characters") String narrative, String assignee) {
	}

}
