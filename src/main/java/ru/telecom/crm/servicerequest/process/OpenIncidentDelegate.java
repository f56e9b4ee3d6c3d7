package ru.telecom.crm.servicerequest.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.incident.OpenIncident;
import ru.telecom.crm.servicerequest.domain.RequestTransitions;
import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.ProcessLinks;

import static ru.telecom.crm.servicerequest.ServiceRequestProcess.SERVICE_CODE;

/** Opens the incident for the service the agent chose; the request goes IN_PROGRESS. */
@Component
class OpenIncidentDelegate implements JavaDelegate {

	private final RequestTransitions requests;

	private final IncidentApi incidents;

	private final CurrentActor actor;

	OpenIncidentDelegate(RequestTransitions requests, IncidentApi incidents, CurrentActor actor) {
		this.requests = requests;
		this.incidents = incidents;
		this.actor = actor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long requestId = this.requests.idOfProcess(execution.getProcessInstanceId());
		Long serviceCode = serviceCode(execution.getVariable(SERVICE_CODE));
		this.requests.markInProgress(requestId, this.actor.id());
		ServiceRequestView request = this.requests.find(requestId).orElseThrow();
		IncidentView incident = this.incidents.open(
				new OpenIncident(requestId, request.clientId(), request.priority(), serviceCode.intValue(),
						summary(execution, request), (String) execution.getVariable(ProcessLinks.CLIENT_NAME)),
				this.actor.id());
		// the incident is found through its request (and its process), not a variable
	}

	/** Client, order and what the client reports, for the incident's forms. */
	private static String summary(DelegateExecution execution, ServiceRequestView request) {
		StringBuilder summary = new StringBuilder("Request #" + request.id() + ", priority " + request.priority());
		Object client = execution.getVariable(ServiceRequestProcess.CLIENT_SUMMARY);
		Object order = execution.getVariable(ServiceRequestProcess.ORDER_SUMMARY);
		if (client != null) {
			summary.append("\nClient: ").append(client);
		}
		if (order != null) {
			summary.append("\nOrder: ").append(order);
		}
		if (request.description() != null) {
			summary.append("\n").append(request.description());
		}
		return (summary.length() > 3900) ? summary.substring(0, 3900) : summary.toString();
	}

	private static Long serviceCode(Object value) {
		try {
			Long code = IntakeVariables.longOrNull(value);
			if (code != null && code > 0 && code <= Integer.MAX_VALUE) {
				return code;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidInputException("serviceCode", "choose a service from the catalog");
	}

}
