package ru.telecom.crm.status;

import java.util.List;

/** The status history of requests and incidents. */
public interface StatusHistory {

	/** The request's transitions, oldest first. */
	List<StatusEntry> ofServiceRequest(long serviceRequestId);

	/** The incident's transitions, oldest first. */
	List<StatusEntry> ofIncident(long incidentId);

	/** What else happened to a request or incident, oldest first. */
	List<ActivityEntry> activitiesOf(StatusRecorder.EntityType entityType, long entityId);

}
