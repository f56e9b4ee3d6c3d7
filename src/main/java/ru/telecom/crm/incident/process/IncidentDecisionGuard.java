package ru.telecom.crm.incident.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.IncidentLifecycle;
import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.incident.IncidentProcess.Decision;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.incident.domain.IncidentTransitions;
import ru.telecom.crm.shared.ConflictException;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.FormPriorityChange;
import ru.telecom.crm.shared.InvalidInputException;

/**
 * Refuses to complete an incident task with a decision the task does not offer, before
 * anything runs, with a message a person understands. An engineer who claimed the
 * incident from the queue and assigns it without naming anyone assigns it to themselves.
 * A priority change the task's form asks for ({@link FormPriorityChange}) is made first,
 * as the API makes it: the steps that follow, and their tasks, see the new priority.
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

}
