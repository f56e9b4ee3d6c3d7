package ru.telecom.crm.history.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.ServiceView;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.status.ActivityEntry;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.status.StatusRecorder.EntityType;

/**
 * Builds the ClickHouse row of a status or activity row, the same way for the live outbox
 * and the backfill. The item is read through its module's API: in the transaction of the
 * change it is already loaded, so that read costs no SQL; the catalog's codes come from
 * its cache. Status rows carry only what never changes afterwards (the item's group,
 * service, priority, channel; the assignee the status row names; the close reason on the
 * closing row), so a backfilled status row equals the live one; an activity row takes the
 * item's assignee at the time it is built.
 */
class HistoryEvents {

	private static final String ASSIGNED = IncidentStatus.ASSIGNED.name();

	private final ServiceRequestApi requests;

	private final IncidentApi incidents;

	private final CatalogApi catalog;

	private final StatusHistory history;

	HistoryEvents(ServiceRequestApi requests, IncidentApi incidents, CatalogApi catalog, StatusHistory history) {
		this.requests = requests;
		this.incidents = incidents;
		this.catalog = catalog;
		this.history = history;
	}

	HistoryEvent ofStatus(StatusEntry entry) {
		return (entry.incidentId() != null) ? incidentStatus(entry) : requestStatus(entry);
	}

	HistoryEvent ofActivity(ActivityEntry entry) {
		Item item = (entry.entityType() == EntityType.INCIDENT) ? incident(entry.entityId())
				: request(entry.entityId());
		return new HistoryEvent(HistoryEvent.ofActivity(entry.id()), HistoryEvent.time(entry.createdAt()),
				HistoryEvent.date(entry.createdAt()), HistoryEvent.ACTIVITY, item.type(), entry.entityId(), "", "",
				text(entry.kind()), text(entry.actorId()), item.assignee(), item.group(), item.service(),
				item.priority(), item.channel(), "", null, null);
	}

	private HistoryEvent requestStatus(StatusEntry entry) {
		long id = entry.serviceRequestId();
		Optional<ServiceRequestView> request = this.requests.find(id);
		boolean closing = RequestStatus.CLOSED.name().equals(entry.newStatus());
		String closeReason = closing ? request.map(ServiceRequestView::closeReason).map(Enum::name).orElse("") : "";
		Long secondsToClose = closing
				? request.map((view) -> HistoryEvent.seconds(view.createdAt(), entry.createdAt())).orElse(null) : null;
		Item item = request(request);
		return status(entry, item, id, closeReason, null, secondsToClose);
	}

	private HistoryEvent incidentStatus(StatusEntry entry) {
		long id = entry.incidentId();
		Optional<IncidentView> incident = this.incidents.find(id);
		Instant createdAt = incident.map(IncidentView::createdAt).orElse(null);
		Long secondsToAssign = (createdAt != null && firstAssignment(entry))
				? HistoryEvent.seconds(createdAt, entry.createdAt()) : null;
		Long secondsToClose = (createdAt != null && IncidentStatus.CLOSED.name().equals(entry.newStatus()))
				? HistoryEvent.seconds(createdAt, entry.createdAt()) : null;
		return status(entry, incident(incident), id, "", secondsToAssign, secondsToClose);
	}

	/**
	 * Whether this is the incident's first {@code ASSIGNED}: one look at its history, and
	 * only on this transition (an incident may go back to the queue and be assigned
	 * again; its time to assign is the first).
	 */
	private boolean firstAssignment(StatusEntry entry) {
		return ASSIGNED.equals(entry.newStatus()) && this.history.ofIncident(entry.incidentId())
			.stream()
			.noneMatch((earlier) -> earlier.id() < entry.id() && ASSIGNED.equals(earlier.newStatus()));
	}

	private static HistoryEvent status(StatusEntry entry, Item item, long id, String closeReason, Long secondsToAssign,
			Long secondsToClose) {
		return new HistoryEvent(HistoryEvent.ofStatus(entry.id()), HistoryEvent.time(entry.createdAt()),
				HistoryEvent.date(entry.createdAt()), HistoryEvent.STATUS, item.type(), id, text(entry.oldStatus()),
				text(entry.newStatus()), "", text(entry.actorId()), text(entry.userId()), item.group(), item.service(),
				item.priority(), item.channel(), closeReason, secondsToAssign, secondsToClose);
	}

	private Item request(long id) {
		return request(this.requests.find(id));
	}

	private static Item request(Optional<ServiceRequestView> request) {
		return request
			.map((view) -> new Item(HistoryEvent.REQUEST, text(view.assignee()), "", "", name(view.priority()),
					name(view.channel())))
			.orElseGet(() -> Item.unknown(HistoryEvent.REQUEST));
	}

	private Item incident(long id) {
		return incident(this.incidents.find(id));
	}

	private Item incident(Optional<IncidentView> incident) {
		return incident.map((view) -> new Item(HistoryEvent.INCIDENT, text(view.assignee()),
				this.catalog.findWorkGroupById(view.workGroupId())
					.map(WorkGroupView::code)
					.map(String::valueOf)
					.orElse(""),
				this.catalog.findServiceById(view.serviceId()).map(ServiceView::code).map(String::valueOf).orElse(""),
				name(view.priority()), ""))
			.orElseGet(() -> Item.unknown(HistoryEvent.INCIDENT));
	}

	private static String text(String value) {
		return Objects.requireNonNullElse(value, "");
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : "";
	}

	/**
	 * What a row tells of its item; the channel is a request's (an incident's row leaves
	 * it empty: its request's channel would cost a read per transition).
	 */
	private record Item(String type, String assignee, String group, String service, String priority, String channel) {

		/** An item that is gone: its rows still go, with what the row itself says. */
		static Item unknown(String type) {
			return new Item(type, "", "", "", "", "");
		}

	}

}
