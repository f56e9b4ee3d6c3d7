package ru.telecom.crm.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Walks a BPMN model of ours as the engine would: from a user task (or a message event)
 * with one decision taken, along the flows whose condition that decision meets, through
 * the service tasks that set a status, to where the process waits next. What a lifecycle
 * table says must be what these walks find.
 */
public final class ModelPaths {

	private final BpmnModelInstance model;

	private ModelPaths(BpmnModelInstance model) {
		this.model = model;
	}

	/** The model in {@code processes/<name>.bpmn}. */
	public static ModelPaths of(String process) {
		return new ModelPaths(Bpmn.readModelFromFile(new File("processes/" + process + ".bpmn")));
	}

	/**
	 * Where the process goes from {@code start} when the decision variable is
	 * {@code decision}: the statuses set on the way (as {@code status} reads them from a
	 * service task, or {@code null} for a task that sets none) and where it waits next;
	 * an empty optional when the decision has no way out of the first gateway.
	 */
	public java.util.Optional<Walk> walk(String start, String decisionVariable, String decision,
			Function<FlowNode, String> status) {
		FlowNode node = this.model.getModelElementById(start);
		List<String> statuses = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		while (true) {
			List<SequenceFlow> ways = node.getOutgoing()
				.stream()
				.filter((flow) -> meets(flow, decisionVariable, decision))
				.toList();
			if (ways.size() != 1) {
				return java.util.Optional.empty();
			}
			node = ways.get(0).getTarget();
			if (!seen.add(node.getId())) {
				return java.util.Optional.empty();
			}
			String set = status.apply(node);
			if (set != null) {
				statuses.add(set);
			}
			if (node instanceof UserTask || node instanceof EndEvent || node instanceof EventBasedGateway
					|| node instanceof IntermediateCatchEvent) {
				return java.util.Optional.of(new Walk(List.copyOf(statuses), node.getId()));
			}
		}
	}

	/** The ids of the user tasks, or of the message catch events, of the model. */
	public List<String> ids(Class<? extends FlowNode> type) {
		return this.model.getModelElementsByType(type).stream().map(FlowNode::getId).toList();
	}

	/**
	 * Where the flows out of a node lead (the events an event-based gateway waits for).
	 */
	public List<String> targetsOf(String node) {
		FlowNode flowNode = this.model.getModelElementById(node);
		return flowNode.getOutgoing().stream().map((flow) -> flow.getTarget().getId()).toList();
	}

	/** The form a user task shows ({@code camunda:formRef}). */
	public String formOf(String userTask) {
		UserTask task = this.model.getModelElementById(userTask);
		return task.getCamundaFormRef();
	}

	/** The message a catch event waits for. */
	public String messageOf(String catchEvent) {
		IntermediateCatchEvent event = this.model.getModelElementById(catchEvent);
		return event.getEventDefinitions()
			.stream()
			.map((definition) -> ((org.camunda.bpm.model.bpmn.instance.MessageEventDefinition) definition).getMessage()
				.getName())
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The setting a service task gives its delegate (an extension property, see
	 * {@code StepSettings}), or {@code null}.
	 */
	public static String input(FlowNode node, String name) {
		return node.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class)
			.stream()
			.flatMap((extensions) -> extensions.getElementsQuery()
				.filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
				.list()
				.stream())
			.flatMap((properties) -> properties.getCamundaProperties().stream())
			.filter((property) -> name.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.findFirst()
			.orElse(null);
	}

	/** The values of a radio or select field of a form, in {@code forms/<id>.form}. */
	public static Set<String> formOptions(String form, String field) {
		try {
			JsonNode root = new ObjectMapper().readTree(new File("forms/" + form + ".form"));
			Set<String> options = new HashSet<>();
			for (JsonNode component : root.findParents("key")) {
				if (field.equals(component.path("key").asText())) {
					component.path("values").forEach((value) -> options.add(value.path("value").asText()));
				}
			}
			return options;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean meets(SequenceFlow flow, String variable, String decision) {
		ConditionExpression condition = flow.getConditionExpression();
		if (condition == null) {
			return true;
		}
		String text = condition.getTextContent().replace(" ", "");
		if (!text.startsWith("${" + variable + "==")) {
			return false;
		}
		return text.equals("${" + variable + "=='" + decision + "'}");
	}

	/** The statuses set on the way, and where the process waits at the end of it. */
	public record Walk(List<String> statuses, String waitsAt) {
	}

}
