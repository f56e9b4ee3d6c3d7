package ru.telecom.crm.incident.domain;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.ServiceView;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.incident.IncidentClocks;
import ru.telecom.crm.sla.AlarmSchedule;
import ru.telecom.crm.sla.SlaApi;
import ru.telecom.crm.sla.StatusChange;
import ru.telecom.crm.status.StatusHistory;

/**
 * Reads an incident's clocks: its policy and calendar from the SLA module, its status
 * history from ours, nothing carried over from an earlier reading.
 */
@Component
class ServiceLevels {

	private final SlaApi sla;

	private final StatusHistory statuses;

	private final CatalogApi catalog;

	private final Clock clock;

	ServiceLevels(SlaApi sla, StatusHistory statuses, CatalogApi catalog, Clock clock) {
		this.sla = sla;
		this.statuses = statuses;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The incident's clocks; empty when its service or group has no service level. */
	Optional<IncidentClocks> of(Incident incident) {
		return scheduleOf(incident)
			.map((schedule) -> new IncidentClocks(incident.view(), schedule, historyOf(incident.getId())));
	}

	/** Reads the incident's clocks now and keeps their due instants on it. */
	void update(Incident incident) {
		Optional<IncidentClocks> clocks = of(incident);
		incident.readClocks(clocks.map((found) -> found.read(this.clock.instant())).orElse(null));
	}

	/** Whether the incident has a service level, its history unread. */
	boolean applies(Incident incident) {
		return scheduleOf(incident).isPresent();
	}

	private Optional<AlarmSchedule> scheduleOf(Incident incident) {
		Optional<Integer> service = this.catalog.findServiceById(incident.getServiceId()).map(ServiceView::code);
		Optional<Integer> group = this.catalog.findWorkGroupById(incident.getWorkGroupId()).map(WorkGroupView::code);
		if (service.isEmpty() || group.isEmpty()) {
			return Optional.empty();
		}
		return this.sla.schedule(service.get(), group.get(), incident.getPriority());
	}

	private List<StatusChange> historyOf(long incidentId) {
		return this.statuses.ofIncident(incidentId)
			.stream()
			.map((entry) -> StatusChange.of(entry.createdAt(), entry.newStatus()))
			.toList();
	}

}
