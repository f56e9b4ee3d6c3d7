package ru.telecom.crm.servicerequest.domain;

import ru.telecom.crm.servicerequest.CloseReason;
import ru.telecom.crm.servicerequest.NewServiceRequest;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.PriorityChange;

/**
 * The request's raw transitions, made by its process's delegates and listeners and by
 * nothing else (inside the module: people go through the process). Each writes its status
 * row in the caller's transaction; one that {@code RequestLifecycle} does not allow
 * throws {@link ru.telecom.crm.shared.IllegalTransitionException} and changes nothing.
 */
public interface RequestTransitions extends ServiceRequestApi {

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

	/**
	 * Gives the request a new priority, with its activity row; refused (a conflict) when
	 * closed or already of that priority. Its tasks and incident are the caller's to
	 * follow.
	 */
	ServiceRequestView changePriority(long id, PriorityChange change, String actorId);

}
