package ru.telecom.crm.status;

import java.time.Instant;
import java.util.List;

/** The status history of requests and incidents. */
public interface StatusHistory {

	/** The request's transitions, oldest first. */
	List<StatusEntry> ofServiceRequest(long serviceRequestId);

	/** The incident's transitions, oldest first. */
	List<StatusEntry> ofIncident(long incidentId);

	/** What else happened to a request or incident, oldest first. */
	List<ActivityEntry> activitiesOf(StatusRecorder.EntityType entityType, long entityId);

	/**
	 * Status rows of every item with an id above {@code afterId}, by id, at most
	 * {@code limit}.
	 */
	List<StatusEntry> statusesAfter(long afterId, int limit);

	/** Activity rows with an id above {@code afterId}, by id, at most {@code limit}. */
	List<ActivityEntry> activitiesAfter(long afterId, int limit);

	/** How many status and activity rows were written in {@code [from, to)}. */
	long countRecorded(Instant from, Instant to);

}
