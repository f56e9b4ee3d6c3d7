package ru.telecom.crm.servicerequest.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import org.camunda.bpm.engine.variable.value.TypedValue;

import ru.telecom.crm.servicerequest.RequestLifecycle;
import ru.telecom.crm.servicerequest.domain.RequestTransitions;
import ru.telecom.crm.shared.ConflictException;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.FormPriorityChange;
import ru.telecom.crm.status.StatusRecorder;
import ru.telecom.crm.status.StatusRecorder.EntityType;
import ru.telecom.crm.servicerequest.ServiceRequestProcess.Decision;
import ru.telecom.crm.shared.InvalidInputException;

import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLOSING_REASON;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.DECISION;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.SERVICE_CODE;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.SERVICE_REQUEST_ID;

/**
 * Refuses to complete "Qualify the request" without a decision it offers, or with an
 * incident but no service, before anything runs; and keeps the reason the form gives to
 * close without an incident as the request's {@code CLOSE_REASON} activity (one
 * statement, only on that path), never as a variable. A priority change the form asks for
 * ({@link FormPriorityChange}) is made as the API makes it.
 */
@Component
class RequestDecisionGuard implements TaskListener {

	private final StatusRecorder status;

	private final RequestTransitions requests;

	private final CurrentActor actor;

	RequestDecisionGuard(StatusRecorder status, RequestTransitions requests, CurrentActor actor) {
		this.status = status;
		this.requests = requests;
		this.actor = actor;
	}

	@Override
	public void notify(DelegateTask task) {
		if (task.getExecution() == null) {
			// the task was read, then another completion ended its process before its
			// execution was: what this one set had nowhere to go (a race, not bad input)
			throw new ConflictException("The item has moved on meanwhile (its step is done or gone); read it again");
		}
		Object decision = task.getVariable(DECISION);
		Set<Decision> offered = RequestLifecycle.decisionsAt(task.getTaskDefinitionKey());
		if (decision == null || offered.stream().noneMatch((option) -> option.name().equals(decision.toString()))) {
			throw new InvalidInputException(DECISION, "choose " + offered + ", not " + decision);
		}
		if (Decision.OPEN_INCIDENT.name().equals(decision) && task.getVariable(SERVICE_CODE) == null) {
			throw new InvalidInputException(SERVICE_CODE, "choose the service the incident is for");
		}
		if (FormPriorityChange.asked(task)) {
			long id = requestId(task);
			ServiceRequestView request = this.requests.find(id)
				.orElseThrow(() -> new ConflictException("The request of this task is gone"));
			// made before the step goes on: an incident it opens inherits the new
			// priority
			FormPriorityChange.takeFrom(task, request.priority())
				.ifPresent((change) -> this.requests.changePriority(id, change, this.actor.id()));
		}
		TypedValue reason = task.getVariableTyped(CLOSING_REASON);
		if (reason == null) {
			return;
		}
		if (!reason.isTransient()) {
			// an administrator's completion through the engine's API, which writes as
			// sent
			task.getExecution().removeVariable(CLOSING_REASON);
		}
		if (Decision.CLOSE.name().equals(decision) && reason.getValue() instanceof String text && !text.isBlank()) {
			this.status.activity(EntityType.SERVICE_REQUEST, requestId(task),
					ProcessRequestActions.CLOSE_REASON_ACTIVITY, this.actor.id(), text.strip());
		}
	}

	private long requestId(DelegateTask task) {
		return (task.getVariable(SERVICE_REQUEST_ID) instanceof Number id) ? id.longValue()
				: this.requests.idOfProcess(task.getProcessInstanceId());
	}

}
