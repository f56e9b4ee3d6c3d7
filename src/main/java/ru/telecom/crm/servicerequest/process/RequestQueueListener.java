package ru.telecom.crm.servicerequest.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * A request task nobody is assigned to waits in the helpdesk queue (an unattended
 * channel's request); an agent's own request is theirs alone.
 */
@Component
class RequestQueueListener implements TaskListener {

	static final String HELPDESK_QUEUE = "helpdesk";

	@Override
	public void notify(DelegateTask task) {
		if (task.getAssignee() == null) {
			task.addCandidateGroup(HELPDESK_QUEUE);
		}
	}

}
