package ru.telecom.crm.console;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.shared.OpenTasks;

/** The Tasklist page of an open item's current task. */
@Component
class TasklistLinks {

	private final ProcessEngine engine;

	private final TaskService tasks;

	private final OpenTasks openTasks;

	TasklistLinks(ProcessEngine engine, OpenTasks openTasks) {
		this.engine = engine;
		this.openTasks = openTasks;
		this.tasks = engine.getTaskService();
	}

	/** The item's open task, if its process waits at one. */
	Optional<TaskLink> of(String processInstanceId) {
		if (processInstanceId == null) {
			return Optional.empty();
		}
		return EngineCalls.asApp(this.engine,
				() -> this.tasks.createTaskQuery()
					.processInstanceId(processInstanceId)
					.active()
					.orderByTaskCreateTime()
					.desc()
					.list()
					.stream()
					.findFirst()
					.map(this::link));
	}

	private TaskLink link(Task task) {
		// the page shows the item: the step's own name says where it waits
		return new TaskLink(this.openTasks.stepName(task), task.getAssignee(),
				"/camunda/app/tasklist/" + this.engine.getName() + "/#/?task=" + task.getId());
	}

	record TaskLink(String name, String assignee, String url) {
	}

}
