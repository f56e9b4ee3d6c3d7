package ru.telecom.crm.incident.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.domain.IncidentTransitions;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.EngineCalls;

import static ru.telecom.crm.incident.IncidentProcess.MESSAGE_UNLINKED;

/** Lets the incident go of its request and tells the request, which closes. */
@Component
class UnlinkIncidentDelegate implements JavaDelegate {

	private final IncidentTransitions incidents;

	private final RuntimeService runtime;

	private final CurrentActor actor;

	UnlinkIncidentDelegate(IncidentTransitions incidents, RuntimeService runtime, CurrentActor actor) {
		this.incidents = incidents;
		this.runtime = runtime;
		this.actor = actor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long id = this.incidents.idOfProcess(execution.getProcessInstanceId());
		this.incidents.markUnlinked(id, this.actor.id());
		IncidentView incident = this.incidents.find(id).orElseThrow();
		EngineCalls.asApp(() -> this.runtime.createMessageCorrelation(MESSAGE_UNLINKED)
			.processInstanceBusinessKey(String.valueOf(incident.serviceRequestId()))
			.correlate());
	}

}
