package ru.telecom.crm.incident.process;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.EngineerChoices;
import ru.telecom.crm.incident.IncidentProcess;

/**
 * Gives "Assign an engineer" the work group's engineers with their open load, as a JSON
 * list the AssignEngineer form's engineer select reads ({@code valuesKey}). Added to the
 * task as every version of the incident process is parsed, so no model names it and
 * instances of earlier versions get it too. Costs one grouped count and one variable per
 * assignment task (the group's roster is kept a minute).
 */
@Component
class EngineerChoicesListener extends AbstractProcessEnginePlugin implements TaskListener {

	/** The task variable the AssignEngineer form's engineer select reads. */
	static final String ENGINEER_CHOICES = "engineerChoices";

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Asked for at the first task: it needs the directory, which needs the engine. */
	private final ObjectProvider<EngineerChoices> engineers;

	EngineerChoicesListener(ObjectProvider<EngineerChoices> engineers) {
		this.engineers = engineers;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (IncidentProcess.TASK_ASSIGN_ENGINEER.equals(activity.getId())
						&& activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
					task.getTaskDefinition()
						.addTaskListener(TaskListener.EVENTNAME_CREATE, EngineerChoicesListener.this);
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	@Override
	public void notify(DelegateTask task) {
		if (!(task.getVariable(IncidentProcess.WORK_GROUP) instanceof String group)) {
			return;
		}
		task.setVariableLocal(ENGINEER_CHOICES, choicesOf(group));
	}

	/** The work group's engineers as the form's select reads them: a JSON variable. */
	TypedValue choicesOf(String group) {
		List<Choice> choices = this.engineers.getObject()
			.ofGroup(group)
			.stream()
			.map((engineer) -> new Choice(engineer.label(), engineer.id()))
			.toList();
		try {
			return SpinValues.jsonValue(JSON.writeValueAsString(choices)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The engineer list could not be written as JSON", ex);
		}
	}

	/** One option of a Camunda Forms select. */
	record Choice(String label, String value) {
	}

}
