package ru.telecom.crm.servicerequest.process;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.customer.IntakeResolution;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.NewServiceRequest;
import ru.telecom.crm.servicerequest.domain.RequestTransitions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.Priority;

import static ru.telecom.crm.servicerequest.ServiceRequestProcess.ASSIGNEE;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CALLER_IDENTIFIED;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CHANNEL;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.DESCRIPTION;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.MESSAGE_TEXT;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.PRIORITY;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.RAW_MESSAGE;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.SERVICE_REQUEST_ID;

/**
 * Opens the request at the start of its process. An agent on the phone gets the lookup in
 * this very transaction (a bad phone or a LegacyDB outage fails the start, nothing is
 * written) and the request; an unattended channel's message is stored unbound and looked
 * up by the next, asynchronous step.
 */
@Component
class OpenServiceRequestDelegate implements JavaDelegate {

	private final CustomerApi customers;

	private final RequestTransitions requests;

	private final CurrentActor actor;

	OpenServiceRequestDelegate(CustomerApi customers, RequestTransitions requests, CurrentActor actor) {
		this.customers = customers;
		this.requests = requests;
		this.actor = actor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// a person starting it in Tasklist is an agent taking a call
		String channelName = IntakeVariables.text(execution, CHANNEL);
		Channel channel = (channelName != null) ? Channel.valueOf(channelName) : Channel.PHONE;
		String priorityName = IntakeVariables.text(execution, PRIORITY);
		Priority priority = (priorityName != null) ? Priority.valueOf(priorityName) : Priority.NORMAL;
		String description = IntakeVariables.text(execution, DESCRIPTION);
		String agent = channel.isUnattended() ? null : this.actor.id();
		IntakeResolution found = channel.isUnattended() ? null
				: this.customers.resolve(IntakeVariables.partyOf(execution));
		ServiceRequestView request = this.requests.open(
				new NewServiceRequest(channel, priority, description, agent, (found != null) ? found.clientId() : null,
						(found != null) ? found.orderId() : null, rawMessage(execution)),
				this.actor.id());
		this.requests.attachToProcess(request.id(), execution.getProcessInstanceId());
		execution.setProcessBusinessKey(String.valueOf(request.id()));
		execution.setVariable(SERVICE_REQUEST_ID, request.id());
		execution.setVariable(ASSIGNEE, agent);
		execution.setVariable(CALLER_IDENTIFIED, found != null);
		if (found != null) {
			Summaries.bind(execution, this.customers, found);
		}
		else {
			String raw = rawMessage(execution);
			execution.setVariable(MESSAGE_TEXT, (raw != null && raw.length() > 4000) ? raw.substring(0, 4000) : raw);
		}
	}

	/**
	 * What the channel sent, kept as bytes because it may be longer than a text variable.
	 */
	private static String rawMessage(DelegateExecution execution) {
		Object raw = execution.getVariable(RAW_MESSAGE);
		return (raw instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
				: IntakeVariables.text(execution, RAW_MESSAGE);
	}

}
