package ru.telecom.crm.servicerequest;

import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Service requests and their transitions. Each transition writes its status row in the
 * caller's transaction; an illegal one throws
 * {@link ru.telecom.crm.shared.IllegalTransitionException} and changes nothing. The
 * {@code ServiceRequestProcess} calls these; people go through the process.
 */
public interface ServiceRequestApi {

	/** Creates the request in {@code NEW}. */
	ServiceRequestView open(NewServiceRequest request, String actorId);

	/** Records the process instance that runs the request. */
	void attachToProcess(long id, String processInstanceId);

	/** Binds the identified client and order of an unattended channel's request. */
	void bind(long id, long clientId, long orderId, String actorId);

	/** Gives the request to an agent (logged as activity). */
	void assign(long id, String agent, String actorId);

	/** {@code NEW → IN_PROGRESS}. */
	void markInProgress(long id, String actorId);

	/** {@code → CLOSED} with the reason. */
	void close(long id, CloseReason reason, String actorId);

	Optional<ServiceRequestView> find(long id);

	/**
	 * The request whose process this is, through the link the app wrote when it started
	 * the process; never from a variable or business key a caller could set.
	 */
	long idOfProcess(String processInstanceId);

	/** A page of requests, newest first unless the page says otherwise. */
	Page<ServiceRequestView> search(RequestSearch search, Pageable page);

	/** The ids of all requests in the scope (for the incidents behind them). */
	Set<Long> idsIn(RequestSearch.Scope scope);

}
