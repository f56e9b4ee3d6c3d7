package ru.telecom.crm.security;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

import ru.telecom.crm.access.AccessPolicy.TaskItem;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.ProcessLinks;
import ru.telecom.crm.shared.TaskHeadings;

/**
 * What Tasklist's list shows of each task: its name and priority (the item's number,
 * priority and client, {@link TaskHeadings}), and beside it the item's opening time, the
 * client, the order, the incident and why it waits. Tasklist reads the columns through
 * the filter, as task variables: a task's own variables are readable by whoever may read
 * the task, while the process's are not (agents and engineers have no grant on the
 * process instances), so each task carries a copy made when it is created.
 */
public final class TaskListColumns {

	/** The columns, in the order the list shows them. */
	private static final List<Column> COLUMNS = List.of(new Column("clientSummary", "Client"),
			new Column("orderSummary", "Order"), new Column("incidentSummary", "Incident"),
			new Column("holdReason", "On hold"));

	/** The opening time's column, first: how long the item has waited, whatever step. */
	static final String OPENED_AT = TaskHeadings.OPENED_AT;

	private static final Column OPENED = new Column(OPENED_AT, "Opened");

	private TaskListColumns() {
	}

	/**
	 * Makes a new task show its item: the name, the priority (Tasklist shows and sorts by
	 * it) and the opening time; then copies the process variables the list shows onto it.
	 * Reads nothing more than the task's variables, which the engine has already fetched.
	 * @param item the task's item as the access policy read it; an incident's first task
	 * finds it in the start's transient variables instead ({@link ProcessLinks})
	 */
	public static void copyOnto(DelegateTask task, TaskItem item) {
		TaskItem shown = item.known() ? item : openingItem(task);
		if (shown.priority() != null) {
			task.setPriority(shown.priority().taskPriority());
		}
		if (shown.known()) {
			task.setName(TaskHeadings.name(shown.kind(), shown.number(), shown.priority(),
					(String) task.getVariable(ProcessLinks.CLIENT_NAME), task.getName()));
		}
		if (shown.openedAt() != null) {
			task.setVariableLocal(OPENED.name(), Date.from(shown.openedAt()));
		}
		if (shown.dueAt() != null) {
			// Tasklist shows and sorts by it: the incident's SLA due instant
			task.setDueDate(Date.from(shown.dueAt()));
		}
		for (Column column : COLUMNS) {
			Object value = task.getVariable(column.name());
			if (value != null) {
				task.setVariableLocal(column.name(), value);
			}
		}
	}

	/**
	 * The item of an incident's process that is starting, from the transient variables
	 * the app sets at start: its first task is made before the incident's link to its
	 * process is written. {@link TaskItem#NONE} when there are none.
	 */
	static TaskItem openingItem(VariableScope start) {
		if (!(start.getVariable(ProcessLinks.OPENING_NUMBER) instanceof Number number)) {
			return TaskItem.NONE;
		}
		return new TaskItem(TaskHeadings.INCIDENT, number.longValue(), null,
				(start.getVariable(ProcessLinks.OPENING_PRIORITY) instanceof String priority)
						? Priority.valueOf(priority) : null,
				(start.getVariable(ProcessLinks.OPENING_TIME) instanceof Date openedAt) ? openedAt.toInstant() : null,
				(start.getVariable(ProcessLinks.OPENING_DUE) instanceof Date dueAt) ? dueAt.toInstant() : null);
	}

	/** The filter property Tasklist reads its columns from. */
	static List<Map<String, String>> filterProperty() {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(OPENED), COLUMNS.stream())
			.map((column) -> Map.of("name", column.name(), "label", column.label()))
			.toList();
	}

	/** A process variable and the label of its column. */
	private record Column(String name, String label) {
	}

}
