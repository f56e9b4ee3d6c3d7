package ru.telecom.crm.incident.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.domain.IncidentTransitions;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.StepSettings;

import static ru.telecom.crm.incident.IncidentProcess.ENGINEER;
import static ru.telecom.crm.incident.IncidentProcess.HOLD_REASON;
import static ru.telecom.crm.incident.IncidentProcess.NARRATIVE;
import static ru.telecom.crm.incident.IncidentProcess.TARGET_STATUS;

/**
 * Moves the incident to the status the model names in the task's {@code targetStatus}.
 */
@Component
class ChangeIncidentStatusDelegate implements JavaDelegate {

	private final IncidentTransitions incidents;

	private final CurrentActor actor;

	ChangeIncidentStatusDelegate(IncidentTransitions incidents, CurrentActor actor) {
		this.incidents = incidents;
		this.actor = actor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentStatus target = IncidentStatus.valueOf(StepSettings.required(execution, TARGET_STATUS));
		TransitionDetails details = new TransitionDetails((String) execution.getVariable(ENGINEER),
				(String) execution.getVariable(NARRATIVE), (String) execution.getVariable(HOLD_REASON));
		this.incidents.transition(this.incidents.idOfProcess(execution.getProcessInstanceId()), target, details,
				this.actor.id());
		if (target == IncidentStatus.NEW) {
			execution.setVariable(ENGINEER, null);
		}
	}

}
