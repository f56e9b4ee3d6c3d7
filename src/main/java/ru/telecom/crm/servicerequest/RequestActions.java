package ru.telecom.crm.servicerequest;

import java.util.Set;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.ServiceRequestProcess.Decision;
import ru.telecom.crm.shared.Priority;

/**
 * What people and channels do to a request, done through its process exactly as in
 * Tasklist, so both leave the same history.
 */
public interface RequestActions {

	/**
	 * An agent on the phone opens a request: the lookup runs now, and a bad phone, an
	 * order of another client or a LegacyDB outage fails it with nothing written.
	 */
	ServiceRequestView open(OpenRequest request);

	/**
	 * Stores an unattended channel's message as a request in the helpdesk queue; the
	 * lookup runs next, as a retried asynchronous step.
	 */
	ServiceRequestView receive(ChannelMessage message);

	/** The agent names the caller of a request the lookup could not resolve. */
	void identifyCaller(long requestId, IntakeParty party);

	/** Opens the request's incident for a catalog service: {@code NEW → IN_PROGRESS}. */
	IncidentView openIncident(long requestId, int serviceCode);

	/** Closes the request without an incident: {@code NEW → CLOSED (NO_INCIDENT)}. */
	default void closeWithoutIncident(long requestId) {
		closeWithoutIncident(requestId, null);
	}

	/**
	 * Closes the request without an incident, saying why: the reason is kept as the
	 * request's {@code CLOSE_REASON} activity, in the same transaction.
	 * @param reason why no incident could be opened, or {@code null} when not said
	 */
	void closeWithoutIncident(long requestId, String reason);

	/**
	 * Gives the request a new priority, saying why: an activity row, its open Tasklist
	 * task takes the priority and is named again, and its linked open incident follows
	 * (same priority and reason, a row of its own) unless it already has that priority.
	 * @throws ru.telecom.crm.shared.InvalidInputException without a priority or a reason
	 * (trimmed, at most 1000 characters)
	 * @throws ru.telecom.crm.shared.ConflictException when the request is closed or
	 * already of that priority
	 */
	ServiceRequestView changePriority(long requestId, Priority priority, String reason);

	/**
	 * The decisions its process lets the request take now: {@link RequestLifecycle}'s
	 * rows for its status at the task it waits at; none while its caller is unidentified,
	 * while its incident runs, or when closed.
	 */
	Set<Decision> nextDecisions(long requestId);

}
