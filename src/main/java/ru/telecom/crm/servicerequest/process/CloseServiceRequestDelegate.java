package ru.telecom.crm.servicerequest.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import ru.telecom.crm.servicerequest.CloseReason;
import ru.telecom.crm.servicerequest.domain.RequestTransitions;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.StepSettings;

import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLOSE_REASON;

/** Closes the request with the reason the model gives the task. */
@Component
class CloseServiceRequestDelegate implements JavaDelegate {

	private final RequestTransitions requests;

	private final CurrentActor actor;

	CloseServiceRequestDelegate(RequestTransitions requests, CurrentActor actor) {
		this.requests = requests;
		this.actor = actor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CloseReason reason = CloseReason.valueOf(StepSettings.required(execution, CLOSE_REASON));
		this.requests.close(this.requests.idOfProcess(execution.getProcessInstanceId()), reason, this.actor.id());
	}

}
