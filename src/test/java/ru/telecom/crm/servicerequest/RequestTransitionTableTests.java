package ru.telecom.crm.servicerequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.telecom.crm.servicerequest.RequestLifecycle.Transition;
import ru.telecom.crm.servicerequest.ServiceRequestProcess.Decision;
import ru.telecom.crm.support.ModelPaths;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request's transition table against its BPMN model and its form: each row is a path
 * of the model (a decision at a task, or a message), each path of the model that changes
 * the status is a row, and the qualify form offers exactly the table's decisions.
 */
class RequestTransitionTableTests {

	private static final ModelPaths MODEL = ModelPaths.of(ServiceRequestProcess.KEY);

	@Test
	void theModelAndTheTableAgree() {
		assertThat(disagreements(RequestLifecycle.TRANSITIONS)).isEmpty();
	}

	@Test
	void aRowTheModelLacksOrAPathTheTableLacksIsADisagreement() {
		List<Transition> withoutUnlink = new ArrayList<>(RequestLifecycle.TRANSITIONS);
		withoutUnlink.removeIf((transition) -> transition.closeReason() == CloseReason.INCIDENT_UNLINKED);
		List<Transition> closingWhileInProgress = new ArrayList<>(RequestLifecycle.TRANSITIONS);
		closingWhileInProgress.add(new Transition(RequestStatus.IN_PROGRESS, ServiceRequestProcess.TASK_QUALIFY_REQUEST,
				Decision.CLOSE, RequestStatus.CLOSED, CloseReason.NO_INCIDENT));

		assertThat(disagreements(withoutUnlink)).singleElement().asString().contains("INCIDENT_UNLINKED");
		assertThat(disagreements(closingWhileInProgress)).singleElement().asString().contains("IN_PROGRESS");
	}

	@Test
	void theQualifyFormOffersTheTablesDecisions() {
		Set<String> offered = new HashSet<>();
		RequestLifecycle.decisionsAt(ServiceRequestProcess.TASK_QUALIFY_REQUEST)
			.forEach((decision) -> offered.add(decision.name()));

		assertThat(ModelPaths.formOptions(MODEL.formOf(ServiceRequestProcess.TASK_QUALIFY_REQUEST),
				ServiceRequestProcess.DECISION))
			.isEqualTo(offered);
	}

	@ParameterizedTest
	@CsvSource({ "NEW, IN_PROGRESS, , true", "NEW, CLOSED, NO_INCIDENT, true", "NEW, CLOSED, INCIDENT_CLOSED, false",
			"IN_PROGRESS, CLOSED, INCIDENT_CLOSED, true", "IN_PROGRESS, CLOSED, INCIDENT_UNLINKED, true",
			"IN_PROGRESS, CLOSED, NO_INCIDENT, false", "CLOSED, CLOSED, NO_INCIDENT, false",
			"IN_PROGRESS, IN_PROGRESS, , false" })
	void eachMoveIsAllowedOnlyFromWhereDesignFourSays(RequestStatus from, RequestStatus to, CloseReason reason,
			boolean allowed) {
		assertThat(RequestLifecycle.find(from, to, reason).isPresent()).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "NEW, Task_QualifyRequest, 'OPEN_INCIDENT,CLOSE'", "NEW, Task_IdentifyCaller, ''",
			"IN_PROGRESS, Task_QualifyRequest, ''", "CLOSED, Task_QualifyRequest, ''" })
	void whatARequestMayDecideAtATaskIsTheTablesRowsForItsStatus(RequestStatus status, String task, String decisions) {
		Set<Decision> expected = new HashSet<>();
		for (String decision : decisions.split(",")) {
			if (!decision.isBlank()) {
				expected.add(Decision.valueOf(decision));
			}
		}

		assertThat(RequestLifecycle.decisionsAt(status, task)).isEqualTo(expected);
	}

	/**
	 * What the model and the table say differently: "model only …" and "table only …".
	 */
	private static List<String> disagreements(List<Transition> table) {
		Set<String> model = new HashSet<>();
		for (String task : MODEL.ids(UserTask.class)) {
			for (Decision decision : Decision.values()) {
				MODEL.walk(task, ServiceRequestProcess.DECISION, decision.name(), RequestTransitionTableTests::moveOf)
					.filter((walk) -> !walk.statuses().isEmpty())
					.ifPresent((walk) -> {
						model.add(row(RequestStatus.NEW, task, decision, walk.statuses()));
						// the messages the process then waits for move it on from where
						// it is
						String now = walk.statuses().get(walk.statuses().size() - 1);
						for (String event : MODEL.targetsOf(walk.waitsAt())) {
							MODEL.walk(event, "-", "-", RequestTransitionTableTests::moveOf)
								.ifPresent((after) -> model.add(row(RequestStatus.valueOf(now.split(" ")[0]),
										MODEL.messageOf(event), null, after.statuses())));
						}
					});
			}
		}
		Set<String> rows = new HashSet<>();
		table.forEach((transition) -> rows.add(row(transition.from(), transition.trigger(), transition.decision(), List
			.of(transition.to() + ((transition.closeReason() != null) ? " " + transition.closeReason() : "")))));
		List<String> differences = new ArrayList<>();
		model.stream().filter((path) -> !rows.contains(path)).forEach((path) -> differences.add("model only " + path));
		rows.stream().filter((row) -> !model.contains(row)).forEach((row) -> differences.add("table only " + row));
		return differences;
	}

	private static String row(RequestStatus from, String trigger, Decision decision, List<String> moves) {
		return from + " " + trigger + " " + decision + " " + moves;
	}

	/** The move a service task makes: opening the incident, or closing with a reason. */
	private static String moveOf(FlowNode node) {
		if (!(node instanceof ServiceTask task)) {
			return null;
		}
		return switch (task.getCamundaDelegateExpression()) {
			case "${openIncidentDelegate}" -> RequestStatus.IN_PROGRESS.name();
			case "${closeServiceRequestDelegate}" ->
				RequestStatus.CLOSED + " " + ModelPaths.input(node, ServiceRequestProcess.CLOSE_REASON);
			default -> null;
		};
	}

}
