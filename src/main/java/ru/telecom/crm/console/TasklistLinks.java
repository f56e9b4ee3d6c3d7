package ru.telecom.crm.console;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

import ru.telecom.crm.shared.EngineCalls;

/** The Tasklist page of an open item's current task. */
@Component
class TasklistLinks {

	private final ProcessEngine engine;

	private final TaskService tasks;

	TasklistLinks(ProcessEngine engine) {
		this.engine = engine;
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
		return new TaskLink(task.getName(), task.getAssignee(),
				"/camunda/app/tasklist/" + this.engine.getName() + "/#/?task=" + task.getId());
	}

	record TaskLink(String name, String assignee, String url) {
	}

}
