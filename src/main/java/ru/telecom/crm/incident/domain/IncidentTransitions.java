package ru.telecom.crm.incident.domain;

import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.shared.PriorityChange;

/**
 * The incident's raw transitions, made by its process's delegates and listeners and by
 * nothing else (inside the module: people go through the process,
 * {@code IncidentActions}). Each writes its status row in the caller's transaction; one
 * that {@code IncidentLifecycle} does not allow throws
 * {@link ru.telecom.crm.shared.IllegalTransitionException} and changes nothing.
 */
public interface IncidentTransitions extends IncidentApi {

	/**
	 * Moves the incident to {@code target}: {@code ASSIGNED} (with the engineer; a
	 * reassignment when already assigned), {@code NEW} (back to the queue),
	 * {@code INWORK}, {@code ON_HOLD} (with the reason), {@code CLOSED} (with the
	 * narrative).
	 */
	void transition(long id, IncidentStatus target, TransitionDetails details, String actorId);

	/** Gives an assigned incident to another engineer: same status, an activity row. */
	void reassign(long id, String engineer, String actorId);

	/**
	 * Locks the incident's row until the caller's transaction ends and answers its status
	 * as last committed, which an entity read earlier in the transaction may no longer
	 * show: two changes of one incident, from whichever door, then run one after the
	 * other, and the second sees what the first did.
	 */
	IncidentStatus lockForChange(long id);

	/** Records that the incident let go of its request. */
	void markUnlinked(long id, String actorId);

	/**
	 * Gives the incident a new priority, with its activity row; refused (a conflict) when
	 * closed or already of that priority. Its tasks are the caller's to follow.
	 */
	IncidentView changePriority(long id, PriorityChange change, String actorId);

}
