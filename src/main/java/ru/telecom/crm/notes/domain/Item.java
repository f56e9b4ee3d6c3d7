package ru.telecom.crm.notes.domain;

import ru.telecom.crm.status.StatusRecorder.EntityType;

/** The request or incident a note or file belongs to, as its two link columns hold it. */
record Item(EntityType type, long id) {

	static Item of(Long serviceRequestId, Long incidentId) {
		return (serviceRequestId != null) ? new Item(EntityType.SERVICE_REQUEST, serviceRequestId)
				: new Item(EntityType.INCIDENT, incidentId);
	}

	Long serviceRequestId() {
		return (this.type == EntityType.SERVICE_REQUEST) ? this.id : null;
	}

	Long incidentId() {
		return (this.type == EntityType.INCIDENT) ? this.id : null;
	}

}
