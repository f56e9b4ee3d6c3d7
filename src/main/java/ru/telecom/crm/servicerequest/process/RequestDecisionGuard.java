package ru.telecom.crm.servicerequest.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import ru.telecom.crm.servicerequest.RequestLifecycle;
import ru.telecom.crm.servicerequest.ServiceRequestProcess.Decision;
import ru.telecom.crm.shared.InvalidInputException;

import static ru.telecom.crm.servicerequest.ServiceRequestProcess.DECISION;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.SERVICE_CODE;

/**
 * Refuses to complete "Qualify the request" without a decision it offers, or with an
 * incident but no service, before anything runs.
 */
@Component
class RequestDecisionGuard implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		Object decision = task.getVariable(DECISION);
		Set<Decision> offered = RequestLifecycle.decisionsAt(task.getTaskDefinitionKey());
		if (decision == null || offered.stream().noneMatch((option) -> option.name().equals(decision.toString()))) {
			throw new InvalidInputException(DECISION, "choose " + offered + ", not " + decision);
		}
		if (Decision.OPEN_INCIDENT.name().equals(decision) && task.getVariable(SERVICE_CODE) == null) {
			throw new InvalidInputException(SERVICE_CODE, "choose the service the incident is for");
		}
	}

}
