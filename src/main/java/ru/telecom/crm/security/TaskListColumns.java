package ru.telecom.crm.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What Tasklist's list shows beside each task: the client, the order, the incident and
 * why it waits. Tasklist reads these through the filter, as task variables: a task's own
 * variables are readable by whoever may read the task, while the process's are not
 * (agents and engineers have no grant on the process instances), so each task carries a
 * copy made when it is created.
 */
public final class TaskListColumns {

	/** The columns, in the order the list shows them. */
	private static final List<Column> COLUMNS = List.of(new Column("clientSummary", "Client"),
			new Column("orderSummary", "Order"), new Column("incidentSummary", "Incident"),
			new Column("holdReason", "On hold"));

	private TaskListColumns() {
	}

	/** Copies the process variables the list shows onto the task. */
	public static void copyOnto(DelegateTask task) {
		for (Column column : COLUMNS) {
			Object value = task.getVariable(column.name());
			if (value != null) {
				task.setVariableLocal(column.name(), value);
			}
		}
	}

	/** The filter property Tasklist reads its columns from. */
	static List<Map<String, String>> filterProperty() {
		return COLUMNS.stream().map((column) -> Map.of("name", column.name(), "label", column.label())).toList();
	}

	/** A process variable and the label of its column. */
	private record Column(String name, String label) {
	}

}
