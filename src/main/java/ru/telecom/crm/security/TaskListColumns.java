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

	/** Variable name → the column's label. */
	static final Map<String, String> LABELS = Map.of("clientSummary", "Client", "orderSummary", "Order",
			"incidentSummary", "Incident", "holdReason", "On hold");

	static final List<String> ORDER = List.of("clientSummary", "orderSummary", "incidentSummary", "holdReason");

	private TaskListColumns() {
	}

	/** Copies the process variables the list shows onto the task. */
	public static void copyOnto(DelegateTask task) {
		for (String name : ORDER) {
			Object value = task.getVariable(name);
			if (value != null) {
				task.setVariableLocal(name, value);
			}
		}
	}

	/** The filter property Tasklist reads its columns from. */
	static List<Map<String, String>> filterProperty() {
		return ORDER.stream().map((name) -> Map.of("name", name, "label", LABELS.get(name))).toList();
	}

}
