package ru.telecom.crm.security;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.access.AccessPolicy.TaskItem;
import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.shared.OpenTasks;
import ru.telecom.crm.shared.ProcessLinks;
import ru.telecom.crm.shared.TaskHeadings;

/**
 * Brings the tasks made before their names carried the item and before the opening time
 * was a column up to date, once: each open task of a request or incident gets its item's
 * name, priority and opening time as a new task would ({@link TaskListColumns}). Done
 * when the engine's property {@value #DONE} is set; {@value #PAGE} tasks a transaction.
 */
@Component
class TaskHeadingsUpgrade {

	static final String DONE = "crm.task-headings";

	private static final int PAGE = 200;

	private static final Logger log = LoggerFactory.getLogger(TaskHeadingsUpgrade.class);

	private final ProcessEngine engine;

	private final TaskService tasks;

	private final AccessPolicy access;

	private final OpenTasks openTasks;

	TaskHeadingsUpgrade(ProcessEngine engine, AccessPolicy access, OpenTasks openTasks) {
		this.engine = engine;
		this.tasks = engine.getTaskService();
		this.access = access;
		this.openTasks = openTasks;
	}

	@EventListener(ApplicationReadyEvent.class)
	void upgradeOnce() {
		if (this.engine.getManagementService().getProperties().containsKey(DONE)) {
			return;
		}
		int upgraded = 0;
		for (int first = 0;; first += PAGE) {
			int from = first;
			List<Task> page = EngineCalls.asApp(this.engine,
					() -> this.tasks.createTaskQuery()
						.processDefinitionKeyIn("ServiceRequestProcess", "IncidentProcess")
						.orderByTaskId()
						.asc()
						.listPage(from, PAGE));
			upgraded += EngineCalls.asApp(this.engine, () -> (int) page.stream().filter(this::upgrade).count());
			if (page.size() < PAGE) {
				break;
			}
		}
		this.engine.getManagementService().setProperty(DONE, "1");
		if (upgraded > 0) {
			log.info("{} open tasks now carry their item's number, priority, client and opening time", upgraded);
		}
	}

	/** Names the task after its item, if it has no opening time yet. */
	private boolean upgrade(Task task) {
		if (task.getProcessInstanceId() == null
				|| this.tasks.getVariableLocal(task.getId(), TaskHeadings.OPENED_AT) != null) {
			return false;
		}
		TaskItem item = this.access.itemOfTask(task.getProcessInstanceId(), true);
		if (!item.known()) {
			return false;
		}
		if (item.priority() != null) {
			task.setPriority(item.priority().taskPriority());
		}
		task.setName(TaskHeadings.name(item.kind(), item.number(), item.priority(),
				(String) this.tasks.getVariable(task.getId(), ProcessLinks.CLIENT_NAME),
				this.openTasks.stepName(task)));
		this.tasks.saveTask(task);
		if (item.openedAt() != null) {
			this.tasks.setVariableLocal(task.getId(), TaskHeadings.OPENED_AT, Date.from(item.openedAt()));
		}
		return true;
	}

}
