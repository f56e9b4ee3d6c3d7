package ru.telecom.crm;

import java.beans.Introspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every model in {@code processes/} must be for the engine, Modeler and the people
 * who read it: named after its process, with a history time to live, readable names and
 * ids with the agreed prefixes, a diagram, delegates that exist as beans, forms that
 * exist, retries on every asynchronous step.
 */
class ProcessModelConventionsTests {

	private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private static final Map<String, Class<?>> beans = new HashMap<>();

	@BeforeAll
	static void findBeans() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		for (BeanDefinition bean : scanner.findCandidateComponents(CrmApplication.class.getPackageName())) {
			Class<?> type = ClassUtils.forName(bean.getBeanClassName(), null);
			beans.put(Introspector.decapitalize(type.getSimpleName()), type);
		}
	}

	static Stream<Path> models() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			List<Path> models = files.filter((file) -> file.toString().endsWith(".bpmn")).sorted().toList();
			assertThat(models).isNotEmpty();
			return models.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void theProcessIdIsTheFileNameAndHistoryIsKeptForAWhile(Path file) {
		Collection<Process> processes = read(file).getModelElementsByType(Process.class);

		assertThat(processes).singleElement().satisfies((process) -> {
			assertThat(process.getId()).isEqualTo(file.getFileName().toString().replace(".bpmn", ""));
			assertThat(process.isExecutable()).isTrue();
			assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
			assertThat(process.getName()).isNotBlank();
		});
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyElementHasAReadableNameAPrefixedIdAndAShape(Path file) {
		BpmnModelInstance model = read(file);
		List<String> shaped = model.getModelElementsByType(BpmnShape.class)
			.stream()
			.map((shape) -> shape.getBpmnElement().getId())
			.toList();
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			if (element instanceof SequenceFlow) {
				assertThat(element.getId()).as("flow id").startsWith("Flow_");
				continue;
			}
			assertThat(element.getName()).as("name of %s", element.getId()).isNotBlank();
			assertThat(element.getId()).as("id of %s", element.getName())
				.matches((id) -> id.startsWith(prefixOf(element)), "starts with " + prefixOf(element));
			assertThat(shaped).as("diagram shapes").contains(element.getId());
		}
		for (Message message : model.getModelElementsByType(Message.class)) {
			assertThat(message.getId()).startsWith("Msg_").isEqualTo(message.getName());
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyDelegateAndListenerIsABeanOfTheRightKind(Path file) {
		BpmnModelInstance model = read(file);
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			assertThat(beanOf(task.getCamundaDelegateExpression(), task.getId())).isAssignableTo(JavaDelegate.class);
			assertThat(task.getCamundaClass()).as("class of %s: use a bean", task.getId()).isNull();
			assertThat(task.getCamundaExpression()).as("expression of %s: use a bean", task.getId()).isNull();
		}
		for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
			String owner = ((BaseElement) listener.getParentElement().getParentElement()).getId();
			assertThat(beanOf(listener.getCamundaDelegateExpression(), owner)).isAssignableTo(TaskListener.class);
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyAsynchronousStepIsRetriedWithTheAppsCappedBackoff(Path file) {
		for (FlowNode node : read(file).getModelElementsByType(FlowNode.class)) {
			boolean async = "true".equals(node.getAttributeValueNs(CAMUNDA_NS, "asyncBefore"))
					|| "true".equals(node.getAttributeValueNs(CAMUNDA_NS, "asyncAfter"));
			if (!async) {
				continue;
			}
			assertThat(node.getExtensionElements()).as("extension elements of %s", node.getId()).isNotNull();
			assertThat(node.getExtensionElements().getChildElementsByType(CamundaFailedJobRetryTimeCycle.class))
				.as("retry time cycle of %s", node.getId())
				.singleElement()
				// shared.JobRetries: growing waits up to a cap, one setting for every
				// step
				.satisfies((cycle) -> assertThat(cycle.getTextContent().strip()).isEqualTo("${jobRetries.cycle}"));
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyFormReferenceHasItsFormAndEveryUserTaskSomeoneToDoIt(Path file) {
		BpmnModelInstance model = read(file);
		List<String> refs = new ArrayList<>();
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			assertThat(task.getCamundaAssignee() != null || task.getCamundaCandidateGroups() != null)
				.as("someone for %s", task.getId())
				.isTrue();
			refs.add(task.getCamundaFormRef());
		}
		model.getModelElementsByType(StartEvent.class).forEach((start) -> refs.add(start.getCamundaFormRef()));
		for (String ref : refs) {
			if (ref != null) {
				assertThat(Path.of("forms", ref + ".form")).as("form of %s", ref).exists();
			}
		}
	}

	@Test
	void everyElementTemplateNamesAnExistingDelegate() throws IOException {
		ObjectMapper json = new ObjectMapper();
		List<String> delegates = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("processes", ".camunda", "element-templates"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".json")).toList()) {
				for (JsonNode template : json.readTree(file.toFile())) {
					assertThat(template.get("id").asText()).startsWith("ru.telecom.crm.");
					for (JsonNode property : template.get("properties")) {
						if ("camunda:delegateExpression".equals(property.at("/binding/name").asText())) {
							delegates.add(property.get("value").asText());
							assertThat(beanOf(property.get("value").asText(), template.get("id").asText()))
								.isAssignableTo(JavaDelegate.class);
						}
					}
				}
			}
		}
		assertThat(delegates).hasSizeGreaterThanOrEqualTo(9);
	}

	private static Class<?> beanOf(String expression, String elementId) {
		assertThat(expression).as("delegate expression of %s", elementId).isNotNull();
		Matcher matcher = EXPRESSION.matcher(expression);
		assertThat(matcher.matches()).as("%s refers to a bean by ${name}", elementId).isTrue();
		assertThat(beans).as("beans").containsKey(matcher.group(1));
		return beans.get(matcher.group(1));
	}

	private static String prefixOf(ModelElementInstance element) {
		if (element instanceof SubProcess) {
			return "Activity_";
		}
		String type = element.getElementType().getTypeName();
		if (type.endsWith("Gateway")) {
			return "Gateway_";
		}
		if (type.endsWith("Event")) {
			return "Event_";
		}
		return "Task_";
	}

	private static BpmnModelInstance read(Path file) {
		return Bpmn.readModelFromFile(file.toFile());
	}

}
