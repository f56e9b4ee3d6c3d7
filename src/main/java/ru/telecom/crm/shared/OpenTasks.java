package ru.telecom.crm.shared;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

import org.springframework.stereotype.Component;

/**
 * Keeps an item's open Tasklist tasks in step with the item: a task's priority and name
 * are its item's ({@link TaskHeadings}), set when the task is made. A change of the
 * item's priority ({@code RequestActions.changePriority},
 * {@code IncidentActions.changePriority}) calls {@link #priorityChanged} in the change's
 * transaction, so that task and item never disagree.
 */
@Component
public class OpenTasks {

	private final ProcessEngine engine;

	private final TaskService tasks;

	OpenTasks(ProcessEngine engine) {
		this.engine = engine;
		this.tasks = engine.getTaskService();
	}

	/**
	 * The item's priority changed: each open task of its process takes the new priority
	 * and is named again.
	 * @param processInstanceId the item's process
	 * @param kind what the item is called in a task's name ({@link TaskHeadings})
	 * @param number the item's id
	 * @param priority the new priority
	 */
	public void priorityChanged(String processInstanceId, String kind, long number, Priority priority) {
		priorityChanged(processInstanceId, kind, number, priority, null);
	}

	/**
	 * As {@link #priorityChanged(String, String, long, Priority)}, and the tasks take the
	 * item's new due instant ({@code null}: none).
	 */
	public void priorityChanged(String processInstanceId, String kind, long number, Priority priority,
			java.time.Instant dueAt) {
		if (processInstanceId == null) {
			return;
		}
		EngineCalls.asApp(this.engine, () -> {
			for (Task task : this.tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
				task.setPriority(priority.taskPriority());
				if (TaskHeadings.INCIDENT.equals(kind)) {
					task.setDueDate((dueAt != null) ? java.util.Date.from(dueAt) : null);
				}
				task.setName(TaskHeadings.name(kind, number, priority,
						(String) this.tasks.getVariable(task.getId(), ProcessLinks.CLIENT_NAME), stepName(task)));
				this.tasks.saveTask(task);
			}
			return null;
		});
	}

	/**
	 * The incident's due instant moved without a change of its own (an import of
	 * calendars and policies): its open tasks take it ({@code null}: none).
	 */
	public void dueChanged(String processInstanceId, java.time.Instant dueAt) {
		if (processInstanceId == null) {
			return;
		}
		java.util.Date due = (dueAt != null) ? java.util.Date.from(dueAt) : null;
		EngineCalls.asApp(this.engine, () -> {
			for (Task task : this.tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
				if (!java.util.Objects.equals(task.getDueDate(), due)) {
					task.setDueDate(due);
					this.tasks.saveTask(task);
				}
			}
			return null;
		});
	}

	/**
	 * The step's own name in the model, without the item's heading the task's name
	 * carries (the engine keeps the parsed model cached).
	 */
	public String stepName(Task task) {
		FlowElement step = this.engine.getRepositoryService()
			.getBpmnModelInstance(task.getProcessDefinitionId())
			.getModelElementById(task.getTaskDefinitionKey());
		return (step != null) ? step.getName() : task.getName();
	}

}
