package ru.telecom.crm.shared;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What the model tells a shared delegate about the step it runs in: which status the step
 * sets, which mail it queues. The models say it as an extension property of the step
 * ({@code <camunda:property name="targetStatus" value="ASSIGNED"/>}), read from the
 * deployed model in memory; an input parameter would say the same but cost a process
 * variable written, kept in history and deleted at every step. Models deployed before the
 * change said it with an input parameter, so their instances, until migrated, are read
 * from the step's local variable.
 */
public final class StepSettings {

	private StepSettings() {
	}

	/** The step's setting {@code name}, if the model gives one. */
	public static Optional<String> of(DelegateExecution execution, String name) {
		FlowElement step = execution.getBpmnModelElementInstance();
		ExtensionElements extensions = (step != null) ? step.getExtensionElements() : null;
		if (extensions != null) {
			for (CamundaProperties properties : extensions.getElementsQuery()
				.filterByType(CamundaProperties.class)
				.list()) {
				for (CamundaProperty property : properties.getCamundaProperties()) {
					if (name.equals(property.getCamundaName())) {
						return Optional.ofNullable(property.getCamundaValue());
					}
				}
			}
		}
		return Optional.ofNullable(execution.getVariableLocal(name)).map(Object::toString);
	}

	/** The step's setting {@code name}, which the model must give. */
	public static String required(DelegateExecution execution, String name) {
		return of(execution, name).orElseThrow(() -> new IllegalStateException(
				"The model's step " + execution.getCurrentActivityId() + " does not say its " + name));
	}

}
