package ru.telecom.crm.servicerequest;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.servicerequest.ServiceRequestProcess.Decision;

/**
 * The service request's state machine (DESIGN §4) in one table: what moves a request from
 * a status, where it goes and with which close reason. A person decides at "Qualify the
 * request"; the incident's end moves it on by message. The entity's guards, the task's
 * decision guard, the API and the console's offered actions read it;
 * {@code RequestTransitionTableTests} walks the BPMN model and fails when the model and
 * the table disagree.
 *
 * <pre>
 * NEW          at Qualify the request    OPEN_INCIDENT         → IN_PROGRESS        its agent, or their manager
 * NEW          at Qualify the request    CLOSE                 → CLOSED NO_INCIDENT
 * IN_PROGRESS  on Msg_IncidentClosed                           → CLOSED INCIDENT_CLOSED    its incident's process
 * IN_PROGRESS  on Msg_IncidentUnlinked                         → CLOSED INCIDENT_UNLINKED
 * </pre>
 */
public final class RequestLifecycle {

	/**
	 * In {@code from}, the trigger (a decision at a task, or a message) leads to
	 * {@code to}.
	 *
	 * @param trigger the task's or the message's id in the model
	 * @param decision the decision taken at the task; {@code null} for a message
	 * @param closeReason why it closed, when {@code to} is {@code CLOSED}
	 */
	public record Transition(RequestStatus from, String trigger, Decision decision, RequestStatus to,
			CloseReason closeReason) {
	}

	public static final List<Transition> TRANSITIONS = List.of(
			new Transition(RequestStatus.NEW, ServiceRequestProcess.TASK_QUALIFY_REQUEST, Decision.OPEN_INCIDENT,
					RequestStatus.IN_PROGRESS, null),
			new Transition(RequestStatus.NEW, ServiceRequestProcess.TASK_QUALIFY_REQUEST, Decision.CLOSE,
					RequestStatus.CLOSED, CloseReason.NO_INCIDENT),
			new Transition(RequestStatus.IN_PROGRESS, IncidentProcess.MESSAGE_CLOSED, null, RequestStatus.CLOSED,
					CloseReason.INCIDENT_CLOSED),
			new Transition(RequestStatus.IN_PROGRESS, IncidentProcess.MESSAGE_UNLINKED, null, RequestStatus.CLOSED,
					CloseReason.INCIDENT_UNLINKED));

	private RequestLifecycle() {
	}

	/** The decisions the task offers. */
	public static Set<Decision> decisionsAt(String task) {
		Set<Decision> decisions = EnumSet.noneOf(Decision.class);
		TRANSITIONS.stream()
			.filter((transition) -> transition.trigger().equals(task) && transition.decision() != null)
			.forEach((transition) -> decisions.add(transition.decision()));
		return decisions;
	}

	/**
	 * The decisions a request in {@code status} may take at that task: what the API
	 * accepts and the console offers. None at a task the table does not name ("Identify
	 * the caller" decides nothing).
	 */
	public static Set<Decision> decisionsAt(RequestStatus status, String task) {
		Set<Decision> decisions = EnumSet.noneOf(Decision.class);
		TRANSITIONS.stream()
			.filter((transition) -> transition.from() == status && transition.trigger().equals(task)
					&& transition.decision() != null)
			.forEach((transition) -> decisions.add(transition.decision()));
		return decisions;
	}

	/**
	 * The transition that goes from {@code from} to {@code to} (with that close reason).
	 */
	public static Optional<Transition> find(RequestStatus from, RequestStatus to, CloseReason closeReason) {
		return TRANSITIONS.stream()
			.filter((transition) -> transition.from() == from && transition.to() == to
					&& transition.closeReason() == closeReason)
			.findFirst();
	}

}
