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

import ru.telecom.crm.status.StatusRecorder;
import ru.telecom.crm.status.StatusRecorder.EntityType;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.ChannelMessage;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.RequestLifecycle;
import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.servicerequest.ServiceRequestProcess.Decision;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.servicerequest.domain.RequestTransitions;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.shared.IllegalTransitionException;
import ru.telecom.crm.shared.KeyRaceRetry;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.OpenTasks;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.PriorityChange;
import ru.telecom.crm.shared.TaskHeadings;

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
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.ORDER_CODES_TO_CHECK;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.ORDER_NAME;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.PRIORITY;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.RAW_MESSAGE;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.SERVICE_CODE;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.TASK_IDENTIFY_CALLER;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.TASK_QUALIFY_REQUEST;

@Service
class ProcessRequestActions implements RequestActions {

	/** The activity that keeps why a request was closed without an incident. */
	static final String CLOSE_REASON_ACTIVITY = "CLOSE_REASON";

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final RequestTransitions requests;

	private final IncidentApi incidents;

	private final IncidentActions incidentActions;

	private final OpenTasks openTasks;

	private final KeyRaceRetry keyRaceRetry;

	private final ProcessEngine engine;

	private final CurrentActor actor;

	private final StatusRecorder status;

	ProcessRequestActions(ProcessEngine engine, RequestTransitions requests, IncidentApi incidents,
			IncidentActions incidentActions, OpenTasks openTasks, KeyRaceRetry keyRaceRetry, CurrentActor actor,
			StatusRecorder status) {
		this.engine = engine;
		this.incidentActions = incidentActions;
		this.openTasks = openTasks;
		this.status = status;
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
		if (!message.orderCodesToCheck().isEmpty()) {
			variables.put(ORDER_CODES_TO_CHECK, String.join(",", message.orderCodesToCheck()));
		}
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
	public void closeWithoutIncident(long requestId, String reason) {
		EngineCalls.asApp(this.engine, () -> {
			Task task = taskOf(requestId, TASK_QUALIFY_REQUEST, Decision.CLOSE, "be closed without an incident");
			take(task);
			this.tasks.complete(task.getId(), Map.of(DECISION, Decision.CLOSE.name()));
			return null;
		});
		if (reason != null && !reason.isBlank()) {
			// one statement, only on this path
			this.status.activity(EntityType.SERVICE_REQUEST, requestId, CLOSE_REASON_ACTIVITY, this.actor.id(),
					reason.strip());
		}
	}

	@Override
	@Transactional
	public ServiceRequestView changePriority(long requestId, Priority priority, String reason) {
		PriorityChange change = PriorityChange.of(priority, reason);
		ServiceRequestView changed = this.requests.changePriority(requestId, change, this.actor.id());
		// the task's priority and name are the request's (TaskHeadings)
		this.openTasks.priorityChanged(changed.processInstanceId(), TaskHeadings.REQUEST, requestId, priority);
		// its incident takes the request's priority at opening and follows its changes
		this.incidents.findByServiceRequest(requestId)
			.filter((incident) -> incident.isLinked() && incident.status() != IncidentStatus.CLOSED
					&& incident.priority() != priority)
			.ifPresent((incident) -> this.incidentActions.changePriority(incident.id(), priority, change.reason()));
		return changed;
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
