package ru.telecom.crm.status;

/**
 * Writes the history: one status row per transition and activity rows for the rest. Joins
 * the caller's transaction, so the history commits or rolls back with the change.
 */
public interface StatusRecorder {

	/** A transition of a service request; {@code oldStatus} is empty for its creation. */
	void requestTransition(long serviceRequestId, String oldStatus, String newStatus, String userId, String actorId);

	/** A transition of an incident; {@code oldStatus} is empty for its creation. */
	void incidentTransition(long incidentId, String oldStatus, String newStatus, String userId, String actorId);

	/** Anything else that happened: an assignment, an unlink, a mail sent. */
	void activity(EntityType entityType, long entityId, String kind, String actorId, String details);

	/** What an activity is about. */
	enum EntityType {

		SERVICE_REQUEST, INCIDENT

	}

}
