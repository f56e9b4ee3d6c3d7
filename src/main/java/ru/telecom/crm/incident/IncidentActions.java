package ru.telecom.crm.incident;

import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.shared.Priority;

/**
 * What people do to an incident, done through its process exactly as in Tasklist: the
 * current task is completed with the decision, so both leave the same history.
 */
public interface IncidentActions {

	/**
	 * Sets the incident's status.
	 * @throws ru.telecom.crm.shared.IllegalTransitionException when the state machine
	 * does not allow it from the current status
	 * @throws ru.telecom.crm.shared.InvalidInputException when the transition lacks what
	 * it needs (engineer, hold reason, narrative)
	 */
	void changeStatus(long id, IncidentStatus target, TransitionDetails details);

	/**
	 * Lets the incident go of its request, which closes with {@code INCIDENT_UNLINKED}.
	 */
	void unlink(long id);

	/**
	 * Gives the incident a new priority, saying why: an activity row, and its open
	 * Tasklist task takes the priority and is named again; a request's change reaches its
	 * incident this way too.
	 * @throws ru.telecom.crm.shared.InvalidInputException without a priority or a reason
	 * (trimmed, at most 1000 characters)
	 * @throws ru.telecom.crm.shared.ConflictException when the incident is closed or
	 * already of that priority
	 */
	IncidentView changePriority(long id, Priority priority, String reason);

	/**
	 * The statuses its process lets the incident go to now, from the task it waits at;
	 * none when closed.
	 */
	java.util.List<IncidentStatus> nextStatuses(long id);

}
