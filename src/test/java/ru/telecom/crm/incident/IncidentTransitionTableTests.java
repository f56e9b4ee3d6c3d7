package ru.telecom.crm.incident;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.telecom.crm.incident.IncidentLifecycle.Transition;
import ru.telecom.crm.incident.IncidentProcess.Decision;
import ru.telecom.crm.support.ModelPaths;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident's transition table against its BPMN model and its forms: each row is a
 * path of the model, each path of the model is a row, and each task's form offers exactly
 * the decisions of the table. Editing the model or the table alone fails here.
 */
class IncidentTransitionTableTests {

	private static final ModelPaths MODEL = ModelPaths.of(IncidentProcess.KEY);

	@Test
	void theModelAndTheTableAgree() {
		assertThat(disagreements(IncidentLifecycle.TRANSITIONS)).isEmpty();
	}

	@Test
	void aRowTheModelLacksOrAPathTheTableLacksIsADisagreement() {
		List<Transition> withoutReturn = new ArrayList<>(IncidentLifecycle.TRANSITIONS);
		withoutReturn.removeIf((transition) -> transition.decision() == Decision.RETURN);
		List<Transition> withHoldFromAssigned = new ArrayList<>(IncidentLifecycle.TRANSITIONS);
		withHoldFromAssigned.add(new Transition(IncidentStatus.ASSIGNED, IncidentProcess.TASK_START_WORK, Decision.HOLD,
				List.of(IncidentStatus.ON_HOLD)));

		assertThat(disagreements(withoutReturn)).singleElement().asString().contains("RETURN");
		assertThat(disagreements(withHoldFromAssigned)).singleElement().asString().contains("HOLD");
	}

	@Test
	void eachTasksFormOffersTheTablesDecisions() {
		for (String task : MODEL.ids(UserTask.class)) {
			Set<String> offered = new HashSet<>();
			IncidentLifecycle.decisionsAt(task).forEach((decision) -> offered.add(decision.name()));
			String form = MODEL.formOf(task);
			assertThat(ModelPaths.formOptions(form, IncidentProcess.DECISION)).as(form).isEqualTo(offered);
		}
	}

	@ParameterizedTest
	@CsvSource({ "Task_AssignEngineer, ASSIGN, ASSIGNED", "Task_AssignEngineer, ASSIGN_AND_START, INWORK",
			"Task_StartWork, START, INWORK", "Task_StartWork, RETURN, NEW", "Task_WorkIncident, HOLD, ON_HOLD",
			"Task_WorkIncident, CLOSE, CLOSED", "Task_ResumeIncident, RESUME, INWORK",
			"Task_ResumeIncident, CLOSE, CLOSED" })
	void eachDecisionLeadsWhereDesignFourSays(String task, Decision decision, IncidentStatus target) {
		assertThat(IncidentLifecycle.decisionTo(task, target)).contains(decision);
		assertThat(IncidentLifecycle.decisionsAt(task)).contains(decision);
		assertThat(IncidentLifecycle.targetsAt(task)).contains(target);
	}

	@ParameterizedTest
	@CsvSource({ "NEW, ASSIGN, ASSIGNED, true", "ASSIGNED, START, INWORK, true", "ON_HOLD, START, INWORK, false",
			"ASSIGNED, RESUME, INWORK, false", "ON_HOLD, RESUME, INWORK, true", "INWORK, CLOSE, CLOSED, true",
			"ON_HOLD, CLOSE, CLOSED, true", "ASSIGNED, CLOSE, CLOSED, false", "NEW, CLOSE, CLOSED, false",
			"ASSIGNED, RETURN, NEW, true", "INWORK, RETURN, NEW, false", "NEW, ASSIGN_AND_START, ASSIGNED, true",
			"CLOSED, RESUME, INWORK, false", "INWORK, HOLD, ON_HOLD, true", "ON_HOLD, HOLD, ON_HOLD, false" })
	void eachStepIsAllowedOnlyWithItsDecision(IncidentStatus from, Decision decision, IncidentStatus to,
			boolean allowed) {
		assertThat(IncidentLifecycle.isStep(from, decision, to)).isEqualTo(allowed);
	}

	@Test
	void aClosedIncidentHasNoTask() {
		assertThat(IncidentLifecycle.TRANSITIONS).noneMatch((transition) -> transition.from() == IncidentStatus.CLOSED);
	}

	/**
	 * What the model and the table say differently: "model only …" and "table only …".
	 */
	private static List<String> disagreements(List<Transition> table) {
		Set<String> model = new HashSet<>();
		for (String task : MODEL.ids(UserTask.class)) {
			IncidentStatus at = statusAt(table, task);
			for (Decision decision : Decision.values()) {
				MODEL.walk(task, IncidentProcess.DECISION, decision.name(), IncidentTransitionTableTests::statusSet)
					.ifPresent((walk) -> {
						model.add(at + " " + task + " " + decision + " " + walk.statuses());
						IncidentStatus next = statusAt(table, walk.waitsAt());
						String last = walk.statuses().isEmpty() ? String.valueOf(at)
								: walk.statuses().get(walk.statuses().size() - 1);
						if (next != null && !next.name().equals(last)) {
							model.add("waits at " + walk.waitsAt() + " in " + last + ", not " + next);
						}
					});
			}
		}
		Set<String> rows = new HashSet<>();
		table.forEach((transition) -> rows
			.add(transition.from() + " " + transition.task() + " " + transition.decision() + " " + transition.path()));
		List<String> differences = new ArrayList<>();
		model.stream().filter((path) -> !rows.contains(path)).forEach((path) -> differences.add("model only " + path));
		rows.stream().filter((row) -> !model.contains(row)).forEach((row) -> differences.add("table only " + row));
		return differences;
	}

	/** The status an incident has while its process waits at the task, by the table. */
	private static IncidentStatus statusAt(List<Transition> table, String task) {
		return table.stream()
			.filter((transition) -> transition.task().equals(task))
			.map(Transition::from)
			.findFirst()
			.orElse(null);
	}

	private static String statusSet(FlowNode node) {
		return ModelPaths.input(node, IncidentProcess.TARGET_STATUS);
	}

}
