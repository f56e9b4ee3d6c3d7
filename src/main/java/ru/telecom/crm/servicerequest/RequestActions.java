package ru.telecom.crm.servicerequest;

import java.util.Set;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.ServiceRequestProcess.Decision;

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
	void closeWithoutIncident(long requestId);

	/**
	 * The decisions its process lets the request take now: {@link RequestLifecycle}'s
	 * rows for its status at the task it waits at; none while its caller is unidentified,
	 * while its incident runs, or when closed.
	 */
	Set<Decision> nextDecisions(long requestId);

}
