package ru.telecom.crm.servicerequest.process;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.ChannelMessage;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.RequestLifecycle;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.servicerequest.ServiceRequestProcess.Decision;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.shared.IllegalTransitionException;
import ru.telecom.crm.shared.KeyRaceRetry;
import ru.telecom.crm.shared.NotFoundException;

import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CHANNEL;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_EMAIL;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_FIRST_NAME;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_ID;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_LAST_NAME;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_MIDDLE_NAME;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_PHONE;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.DECISION;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.DESCRIPTION;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.ORDER_CODE;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.ORDER_NAME;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.PRIORITY;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.RAW_MESSAGE;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.SERVICE_CODE;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.TASK_IDENTIFY_CALLER;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.TASK_QUALIFY_REQUEST;

@Service
class ProcessRequestActions implements RequestActions {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ServiceRequestApi requests;

	private final IncidentApi incidents;

	private final KeyRaceRetry keyRaceRetry;

	private final ProcessEngine engine;

	private final CurrentActor actor;

	ProcessRequestActions(ProcessEngine engine, ServiceRequestApi requests, IncidentApi incidents,
			KeyRaceRetry keyRaceRetry, CurrentActor actor) {
		this.engine = engine;
		this.actor = actor;
		this.runtime = engine.getRuntimeService();
		this.tasks = engine.getTaskService();
		this.requests = requests;
		this.incidents = incidents;
		this.keyRaceRetry = keyRaceRetry;
	}

	@Override
	public ServiceRequestView open(OpenRequest request) {
		// the lookup runs in the start transaction: what it reads need not be kept
		VariableMap variables = transientOnly(partyVariables(request.party()));
		variables.put(CHANNEL, Variables.stringValue(Channel.PHONE.name(), true));
		if (request.priority() != null) {
			variables.put(PRIORITY, Variables.stringValue(request.priority().name(), true));
		}
		if (request.description() != null) {
			// the qualify form shows it
			variables.put(DESCRIPTION, request.description());
		}
		// two agents opening requests for the same new client: the loser runs again
		return this.keyRaceRetry.inNewTransaction(() -> EngineCalls.asApp(this.engine, () -> start(variables)));
	}

	@Override
	@Transactional
	public ServiceRequestView receive(ChannelMessage message) {
		if (!message.channel().isUnattended()) {
			throw new IllegalArgumentException("A phone call is opened by an agent, not received");
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(CHANNEL, message.channel().name());
		// kept: the lookup runs later, as a job
		// bytes, not text: the engine keeps text variables to 4000 characters
		variables.put(RAW_MESSAGE, (message.rawMessage() != null)
				? Variables.byteArrayValue(message.rawMessage().getBytes(StandardCharsets.UTF_8)) : null);
		variables.put(CLIENT_PHONE, message.clientPhone());
		variables.put(ORDER_CODE, message.orderCode());
		variables.put(DESCRIPTION, message.description());
		return EngineCalls.asApp(this.engine, () -> start(variables));
	}

	@Override
	@Transactional
	public void identifyCaller(long requestId, IntakeParty party) {
		EngineCalls.asApp(this.engine, () -> {
			Task task = taskOf(requestId, TASK_IDENTIFY_CALLER, null, "identify its caller");
			take(task);
			this.tasks.complete(task.getId(), partyVariables(party));
			return null;
		});
	}

	@Override
	@Transactional
	public IncidentView openIncident(long requestId, int serviceCode) {
		return EngineCalls.asApp(this.engine, () -> {
			Task task = taskOf(requestId, TASK_QUALIFY_REQUEST, Decision.OPEN_INCIDENT, "open an incident");
			take(task);
			this.tasks.complete(task.getId(),
					Map.of(DECISION, Decision.OPEN_INCIDENT.name(), SERVICE_CODE, serviceCode));
			return this.incidents.findByServiceRequest(requestId).orElseThrow();
		});
	}

	@Override
	@Transactional
	public void closeWithoutIncident(long requestId) {
		EngineCalls.asApp(this.engine, () -> {
			Task task = taskOf(requestId, TASK_QUALIFY_REQUEST, Decision.CLOSE, "be closed without an incident");
			take(task);
			this.tasks.complete(task.getId(), Map.of(DECISION, Decision.CLOSE.name()));
			return null;
		});
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Decision> nextDecisions(long requestId) {
		return EngineCalls.asApp(this.engine, () -> {
			ServiceRequestView request = request(requestId);
			Set<Decision> decisions = EnumSet.noneOf(Decision.class);
			if (request.processInstanceId() == null) {
				return decisions;
			}
			this.tasks.createTaskQuery()
				.processInstanceId(request.processInstanceId())
				.list()
				.forEach((task) -> decisions
					.addAll(RequestLifecycle.decisionsAt(request.status(), task.getTaskDefinitionKey())));
			return decisions;
		});
	}

	/**
	 * A request from the helpdesk queue becomes the request of the agent who works it
	 * (the assignment listener records it): no request stays open to every agent for
	 * good.
	 */
	private void take(Task task) {
		String agent = this.actor.id();
		if (task.getAssignee() == null && !CurrentActor.SYSTEM.equals(agent)) {
			this.tasks.setAssignee(task.getId(), agent);
		}
	}

	private ServiceRequestView start(Map<String, Object> variables) {
		ProcessInstance process = this.runtime.startProcessInstanceByKey(ServiceRequestProcess.KEY, variables);
		return this.requests.find(this.requests.idOfProcess(process.getId())).orElseThrow();
	}

	private ServiceRequestView request(long requestId) {
		return this.requests.find(requestId).orElseThrow(() -> new NotFoundException("Service request", requestId));
	}

	/**
	 * The request's open task of that kind, where the transition table lets a request in
	 * its status take that decision; anything else is a transition it cannot make.
	 * @param decision the decision to take there; {@code null} for a task that decides
	 * nothing
	 */
	private Task taskOf(long requestId, String taskKey, Decision decision, String action) {
		ServiceRequestView request = request(requestId);
		Task task = (request.processInstanceId() != null) ? this.tasks.createTaskQuery()
			.processInstanceId(request.processInstanceId())
			.taskDefinitionKey(taskKey)
			.singleResult() : null;
		if (task == null
				|| (decision != null && !RequestLifecycle.decisionsAt(request.status(), taskKey).contains(decision))) {
			throw new IllegalTransitionException(
					"Service request " + requestId + " is " + request.status() + " and cannot " + action);
		}
		return task;
	}

	/** What the caller told, without what they did not: no variable for a blank. */
	private static Map<String, Object> partyVariables(IntakeParty party) {
		Map<String, Object> variables = new HashMap<>();
		putGiven(variables, CLIENT_ID, party.clientId());
		putGiven(variables, CLIENT_PHONE, party.clientPhone());
		putGiven(variables, CLIENT_LAST_NAME, party.clientLastName());
		putGiven(variables, CLIENT_FIRST_NAME, party.clientFirstName());
		putGiven(variables, CLIENT_MIDDLE_NAME, party.clientMiddleName());
		putGiven(variables, CLIENT_EMAIL, party.clientEmail());
		putGiven(variables, ORDER_CODE, party.orderCode());
		putGiven(variables, ORDER_NAME, party.orderName());
		return variables;
	}

	private static void putGiven(Map<String, Object> variables, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			variables.put(name, value);
		}
	}

	/** The same values as transient variables: read in this transaction, never stored. */
	private static VariableMap transientOnly(Map<String, Object> values) {
		VariableMap variables = Variables.createVariables();
		values.forEach((name, value) -> variables.put(name, (value instanceof Long number)
				? Variables.longValue(number, true) : Variables.stringValue(value.toString(), true)));
		return variables;
	}

}
