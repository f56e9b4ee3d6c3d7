package ru.telecom.crm.incident.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.IncidentLifecycle;
import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.incident.IncidentProcess.Decision;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.incident.domain.IncidentTransitions;
import ru.telecom.crm.shared.ConflictException;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.FormPriorityChange;
import ru.telecom.crm.shared.InvalidInputException;

/**
 * Refuses to complete an incident task with a decision the task does not offer, before
 * anything runs, with a message a person understands, and one that another completion of
 * the task overtook (the incident locked meanwhile, from whichever door). An engineer who
 * claimed the incident from the queue and assigns it without naming anyone assigns it to
 * themselves. A priority change the task's form asks for ({@link FormPriorityChange}) is
 * made first, as the API makes it: the steps that follow, and their tasks, see the new
 * priority.
 */
@Component
class IncidentDecisionGuard implements TaskListener {

	private final IncidentTransitions incidents;

	private final CurrentActor actor;

	IncidentDecisionGuard(IncidentTransitions incidents, CurrentActor actor) {
		this.incidents = incidents;
		this.actor = actor;
	}

	@Override
	public void notify(DelegateTask task) {
		if (task.getExecution() == null) {
			// the task was read, then another completion ended its process before its
			// execution was: what this one set had nowhere to go (a race, not bad input)
			throw new ConflictException("The item has moved on meanwhile (its step is done or gone); read it again");
		}
		Set<Decision> offered = IncidentLifecycle.decisionsAt(task.getTaskDefinitionKey());
		Object decision = task.getVariable(IncidentProcess.DECISION);
		if (decision == null || offered.stream().noneMatch((option) -> option.name().equals(decision.toString()))) {
			throw new InvalidInputException(IncidentProcess.DECISION,
					"'" + task.getName() + "' offers " + offered + ", not " + decision);
		}
		lockStatusAt(task);
		if (IncidentProcess.TASK_ASSIGN_ENGINEER.equals(task.getTaskDefinitionKey())
				&& task.getVariable(IncidentProcess.ENGINEER) == null && task.getAssignee() != null) {
			task.setVariable(IncidentProcess.ENGINEER, task.getAssignee());
		}
		if (FormPriorityChange.asked(task)) {
			IncidentView incident = this.incidents.findByProcess(task.getProcessInstanceId())
				.orElseThrow(() -> new ConflictException("The incident of this task is gone"));
			FormPriorityChange.takeFrom(task, incident.priority())
				.ifPresent((change) -> this.incidents.changePriority(incident.id(), change, this.actor.id()));
		}
	}

	/**
	 * Holds the incident against every other change until this completion commits, and
	 * refuses it when another completion of the task committed first (the incident is no
	 * longer in the task's status). Without it the two run side by side: the second reads
	 * the process as the first left it halfway (an ended process's variables gone) and
	 * fails on what it does not find, a server error instead of the conflict.
	 */
	private void lockStatusAt(DelegateTask task) {
		IncidentStatus expected = IncidentLifecycle.statusAt(task.getTaskDefinitionKey()).orElse(null);
		if (expected == null) {
			return;
		}
		IncidentStatus now = this.incidents.lockForChange(this.incidents.idOfProcess(task.getProcessInstanceId()));
		if (now != expected) {
			throw new ConflictException("The incident is " + now + " now, no longer " + expected
					+ ": someone changed it meanwhile; read it again");
		}
	}

}
