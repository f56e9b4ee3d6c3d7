package ru.telecom.crm.security;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.shared.ProcessLinks;

/**
 * A process started by another of ours (an incident's mail) is seen in Cockpit by whoever
 * sees the one that started it, so that a manager retries the failed mail of an incident
 * of their group. Added to every process as it is parsed; no model needs to name it.
 */
final class SharedInstanceGrants extends AbstractBpmnParseListener implements ExecutionListener {

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		processDefinition.addListener(ExecutionListener.EVENTNAME_START, this);
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (execution.getVariable(ProcessLinks.STARTED_BY) instanceof String startedBy) {
			EngineCalls.asApp(
					() -> InstanceGrants.shareInstance(execution.getProcessEngineServices().getAuthorizationService(),
							startedBy, execution.getProcessInstanceId()));
		}
	}

}
