package ru.telecom.crm.incident.process;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.domain.IncidentTransitions;
import ru.telecom.crm.shared.CurrentActor;

import static ru.telecom.crm.incident.IncidentProcess.ENGINEER;

/**
 * A manager who hands an engineer's task to another engineer in Tasklist reassigns the
 * incident: same status, an activity row, the new engineer on the following tasks.
 */
@Component
class IncidentAssignmentListener implements TaskListener {

	private final IncidentTransitions incidents;

	private final CurrentActor actor;

	IncidentAssignmentListener(IncidentTransitions incidents, CurrentActor actor) {
		this.incidents = incidents;
		this.actor = actor;
	}

	@Override
	public void notify(DelegateTask task) {
		String engineer = task.getAssignee();
		if (engineer == null || Objects.equals(engineer, task.getVariable(ENGINEER))) {
			return;
		}
		this.incidents.reassign(this.incidents.idOfProcess(task.getProcessInstanceId()), engineer, this.actor.id());
		task.setVariable(ENGINEER, engineer);
	}

}
