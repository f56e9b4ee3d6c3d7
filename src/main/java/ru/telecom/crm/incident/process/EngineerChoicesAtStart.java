package ru.telecom.crm.incident.process;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.IncidentProcess;

/**
 * Gives the open "Assign an engineer" tasks made before the engineer picker existed the
 * choices their form's select reads ({@link EngineerChoicesListener}), at every start,
 * beside the migration of the running items ({@code ModelUpgrades}): such a task has
 * none, and its select would be empty. A task that has them is left as it is; a start
 * with nothing to do costs two queries.
 */
@Component
class EngineerChoicesAtStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EngineerChoicesAtStart.class);

	/** The tasks read at once. */
	private static final int PAGE = 500;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final EngineerChoicesListener choices;

	EngineerChoicesAtStart(TaskService tasks, RuntimeService runtime, EngineerChoicesListener choices) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.choices = choices;
	}

	@Override
	public void run(ApplicationArguments args) {
		giveChoicesToTasksWithout();
	}

	/**
	 * Gives every open assignment task without engineer choices its work group's.
	 * @return how many tasks were given them
	 */
	int giveChoicesToTasksWithout() {
		int given = 0;
		for (int first = 0;; first += PAGE) {
			List<Task> page = this.tasks.createTaskQuery()
				.taskDefinitionKey(IncidentProcess.TASK_ASSIGN_ENGINEER)
				.orderByTaskId()
				.asc()
				.listPage(first, PAGE);
			if (page.isEmpty()) {
				break;
			}
			Set<String> having = this.runtime.createVariableInstanceQuery()
				.variableName(EngineerChoicesListener.ENGINEER_CHOICES)
				.taskIdIn(page.stream().map(Task::getId).toArray(String[]::new))
				.disableCustomObjectDeserialization()
				.list()
				.stream()
				.map(VariableInstance::getTaskId)
				.collect(Collectors.toSet());
			for (Task task : page) {
				if (!having.contains(task.getId())
						&& this.tasks.getVariable(task.getId(), IncidentProcess.WORK_GROUP) instanceof String group) {
					this.tasks.setVariableLocal(task.getId(), EngineerChoicesListener.ENGINEER_CHOICES,
							this.choices.choicesOf(group));
					given++;
				}
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		if (given > 0) {
			log.info("Gave the engineer choices to {} open assignment tasks made before the picker", given);
		}
		return given;
	}

}
