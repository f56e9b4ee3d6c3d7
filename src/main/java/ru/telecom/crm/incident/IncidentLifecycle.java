package ru.telecom.crm.incident;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ru.telecom.crm.incident.IncidentProcess.Decision;

/**
 * The incident's state machine (DESIGN §4) in one table: in a status, the process waits
 * at one task; a decision taken there leads through the statuses it lists. The entity's
 * guards, the tasks' decision guards, the API and the console's offered actions read it;
 * {@code IncidentTransitionTableTests} walks the BPMN model and fails when the model and
 * the table disagree.
 *
 * <pre>
 * NEW       at Assign an engineer   ASSIGN            → ASSIGNED        group manager, or an engineer of the queue
 * NEW       at Assign an engineer   ASSIGN_AND_START  → ASSIGNED, INWORK
 * ASSIGNED  at Start work           START             → INWORK          the assignee, or their manager
 * ASSIGNED  at Start work           RETURN            → NEW
 * INWORK    at Work the incident    HOLD              → ON_HOLD
 * INWORK    at Work the incident    CLOSE             → CLOSED
 * ON_HOLD   at Resume after hold    RESUME            → INWORK
 * ON_HOLD   at Resume after hold    CLOSE             → CLOSED
 * </pre> Who may take a transition is who has full access to the incident in its status
 * (the access policy): in {@code NEW} the engineers of its group's queue and its
 * managers, afterwards its engineer and their managers. Reassigning keeps the status and
 * is not a transition; unlinking from the request neither.
 */
public final class IncidentLifecycle {

	/**
	 * In {@code from}, deciding {@code decision} at {@code task} sets {@code path} in
	 * order.
	 */
	public record Transition(IncidentStatus from, String task, Decision decision, List<IncidentStatus> path) {

		public Transition {
			path = List.copyOf(path);
		}

		/** Where it ends. */
		public IncidentStatus to() {
			return this.path.get(this.path.size() - 1);
		}

	}

	public static final List<Transition> TRANSITIONS = List.of(
			new Transition(IncidentStatus.NEW, IncidentProcess.TASK_ASSIGN_ENGINEER, Decision.ASSIGN,
					List.of(IncidentStatus.ASSIGNED)),
			new Transition(IncidentStatus.NEW, IncidentProcess.TASK_ASSIGN_ENGINEER, Decision.ASSIGN_AND_START,
					List.of(IncidentStatus.ASSIGNED, IncidentStatus.INWORK)),
			new Transition(IncidentStatus.ASSIGNED, IncidentProcess.TASK_START_WORK, Decision.START,
					List.of(IncidentStatus.INWORK)),
			new Transition(IncidentStatus.ASSIGNED, IncidentProcess.TASK_START_WORK, Decision.RETURN,
					List.of(IncidentStatus.NEW)),
			new Transition(IncidentStatus.INWORK, IncidentProcess.TASK_WORK_INCIDENT, Decision.HOLD,
					List.of(IncidentStatus.ON_HOLD)),
			new Transition(IncidentStatus.INWORK, IncidentProcess.TASK_WORK_INCIDENT, Decision.CLOSE,
					List.of(IncidentStatus.CLOSED)),
			new Transition(IncidentStatus.ON_HOLD, IncidentProcess.TASK_RESUME_INCIDENT, Decision.RESUME,
					List.of(IncidentStatus.INWORK)),
			new Transition(IncidentStatus.ON_HOLD, IncidentProcess.TASK_RESUME_INCIDENT, Decision.CLOSE,
					List.of(IncidentStatus.CLOSED)));

	private IncidentLifecycle() {
	}

	/** The decisions the task offers. */
	public static Set<Decision> decisionsAt(String task) {
		Set<Decision> decisions = EnumSet.noneOf(Decision.class);
		TRANSITIONS.stream()
			.filter((transition) -> transition.task().equals(task))
			.forEach((transition) -> decisions.add(transition.decision()));
		return decisions;
	}

	/** The status an incident is in while its process waits at the task. */
	public static Optional<IncidentStatus> statusAt(String task) {
		return TRANSITIONS.stream()
			.filter((transition) -> transition.task().equals(task))
			.map(Transition::from)
			.findFirst();
	}

	/** The decision at the task that ends in {@code target}, if there is one. */
	public static Optional<Decision> decisionTo(String task, IncidentStatus target) {
		return TRANSITIONS.stream()
			.filter((transition) -> transition.task().equals(task) && transition.to() == target)
			.map(Transition::decision)
			.findFirst();
	}

	/** The statuses an incident at that task may go to, in the table's order. */
	public static List<IncidentStatus> targetsAt(String task) {
		List<IncidentStatus> targets = new ArrayList<>();
		TRANSITIONS.stream()
			.filter((transition) -> transition.task().equals(task))
			.map(Transition::to)
			.filter((target) -> !targets.contains(target))
			.forEach(targets::add);
		return targets;
	}

	/**
	 * Whether a step of a transition taken with that decision goes straight from
	 * {@code from} to {@code to}.
	 */
	public static boolean isStep(IncidentStatus from, Decision decision, IncidentStatus to) {
		for (Transition transition : TRANSITIONS) {
			if (transition.decision() != decision) {
				continue;
			}
			IncidentStatus before = transition.from();
			for (IncidentStatus next : transition.path()) {
				if (before == from && next == to) {
					return true;
				}
				before = next;
			}
		}
		return false;
	}

}
