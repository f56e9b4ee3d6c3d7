package ru.telecom.crm.incident;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Incidents and their transitions, as the {@code IncidentProcess} makes them. Each
 * transition writes its status row in the caller's transaction; an illegal one throws
 * {@link ru.telecom.crm.shared.IllegalTransitionException} and changes nothing.
 */
public interface IncidentApi {

	/**
	 * Creates the incident in {@code NEW}, routed to the service's work group, and starts
	 * its process.
	 * @throws ru.telecom.crm.shared.InvalidInputException for an unknown or retired
	 * service
	 */
	IncidentView open(OpenIncident incident, String actorId);

	Optional<IncidentView> find(long id);

	/** The incident opened from the request, if any. */
	Optional<IncidentView> findByServiceRequest(long serviceRequestId);

	/**
	 * The incident whose process this is, through the link the app wrote when it started
	 * the process; never from a variable or business key a caller could set.
	 */
	long idOfProcess(String processInstanceId);

	/** The incident whose process this is, if it is an incident's. */
	Optional<IncidentView> findByProcess(String processInstanceId);

	/** A page of incidents, newest first unless the page says otherwise. */
	Page<IncidentView> search(IncidentSearch search, Pageable page);

	/**
	 * The incidents of the scope ({@code null} for all) that match any part of the query
	 * (text: the narrative), newest first, at most {@code limit}: the search across
	 * everything.
	 */
	java.util.List<IncidentView> find(IncidentSearch.Scope scope, ru.telecom.crm.shared.ItemQuery query, int limit);

	/**
	 * The incident's service level as of its status history and present priority; empty
	 * when its service or work group has none.
	 */
	Optional<IncidentClocks> clocks(long id);

	/**
	 * Records the target's breach on the incident (its flag and due instant), once; the
	 * clock process calls it in the transaction of the timer's step.
	 * @return whether it was recorded now
	 */
	boolean recordBreach(long id, ru.telecom.crm.sla.SlaReading.Target target, java.time.Instant dueAt);

	/**
	 * Reads the incident's clocks again and keeps their due instants on it (after an
	 * import of calendars and policies, or for incidents opened before service levels).
	 * @return the incident as it now stands: its due instants {@code null} when it has no
	 * service level
	 */
	IncidentView readClocksAgain(long id);

	/**
	 * Whether the incident's service and work group have a service level: what its clock
	 * needs to know at open, without reading its history.
	 */
	boolean hasServiceLevel(long id);

	/** Ids of open incidents above {@code afterId}, in order, at most {@code limit}. */
	java.util.List<Long> openIds(long afterId, int limit);

	/** What a transition needs besides the target: only the fields it uses are read. */
	record TransitionDetails(String engineer, String narrative, String holdReason) {

		public static final TransitionDetails NONE = new TransitionDetails(null, null, null);

	}

}
