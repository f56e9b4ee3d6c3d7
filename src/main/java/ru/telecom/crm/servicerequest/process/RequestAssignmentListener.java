package ru.telecom.crm.servicerequest.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import ru.telecom.crm.servicerequest.domain.RequestTransitions;
import ru.telecom.crm.shared.CurrentActor;

import static ru.telecom.crm.servicerequest.ServiceRequestProcess.ASSIGNEE;

/**
 * An agent who claims a request from the helpdesk queue, or a manager who hands it to
 * another agent, becomes its assignee (logged as activity).
 */
@Component
class RequestAssignmentListener implements TaskListener {

	private final RequestTransitions requests;

	private final CurrentActor actor;

	RequestAssignmentListener(RequestTransitions requests, CurrentActor actor) {
		this.requests = requests;
		this.actor = actor;
	}

	@Override
	public void notify(DelegateTask task) {
		if (task.getAssignee() == null) {
			return;
		}
		this.requests.assign(this.requests.idOfProcess(task.getProcessInstanceId()), task.getAssignee(),
				this.actor.id());
		task.setVariable(ASSIGNEE, task.getAssignee());
	}

}
