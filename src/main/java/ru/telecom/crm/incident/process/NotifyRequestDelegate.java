package ru.telecom.crm.incident.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.shared.EngineCalls;

import static ru.telecom.crm.incident.IncidentProcess.MESSAGE_CLOSED;

/**
 * Tells the incident's request that it closed, so the request closes too. An unlinked
 * incident's request closed already and is not told.
 */
@Component
class NotifyRequestDelegate implements JavaDelegate {

	private final IncidentApi incidents;

	private final RuntimeService runtime;

	NotifyRequestDelegate(IncidentApi incidents, RuntimeService runtime) {
		this.incidents = incidents;
		this.runtime = runtime;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentView incident = this.incidents.find(this.incidents.idOfProcess(execution.getProcessInstanceId()))
			.orElseThrow();
		if (incident.isLinked()) {
			EngineCalls.asApp(() -> this.runtime.createMessageCorrelation(MESSAGE_CLOSED)
				.processInstanceBusinessKey(String.valueOf(incident.serviceRequestId()))
				.correlate());
		}
	}

}
