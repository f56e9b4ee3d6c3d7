package ru.telecom.crm.incident.domain;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.catalog.CatalogUsage;

/**
 * Incidents, open or closed, keep their service and work group: a catalog import retires
 * those instead of deleting them.
 */
@Component
@Transactional(readOnly = true)
class IncidentCatalogUsage implements CatalogUsage {

	private final IncidentRepository incidents;

	IncidentCatalogUsage(IncidentRepository incidents) {
		this.incidents = incidents;
	}

	@Override
	public Set<Long> serviceIdsInUse() {
		return this.incidents.findServiceIdsInUse();
	}

	@Override
	public Set<Long> workGroupIdsInUse() {
		return this.incidents.findWorkGroupIdsInUse();
	}

}
