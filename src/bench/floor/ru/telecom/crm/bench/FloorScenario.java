package ru.telecom.crm.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.servicerequest.ServiceRequestProcess;

/**
 * The engine floor (issue 12): the lifecycle scenario's five steps on our own models
 * through the engine's Java API, each step one transaction with the engine calls the
 * app's API call makes (the start with the same variables, the task's lookup, its
 * completion with the same decision), the delegates doing no work of the app (see
 * {@link FloorEngine}). The mail processes and their jobs run as in the app. Built only
 * with the engine on the class path ({@code src/bench/run} takes it from the app's jar).
 */
final class FloorScenario implements Scenario, LongSupplier, AutoCloseable {

	/**
	 * The agent of the client thread that opens a request: its qualify task's assignee.
	 */
	static final ThreadLocal<String> AGENT = new ThreadLocal<>();

	private static final String NARRATIVE = "Line card reset, the customer confirmed the service";

	private final FloorEngine floor;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final BenchUsers users;

	private final double startSeconds;

	/**
	 * @param engineSettings {@code app} for the app's engine settings, {@code plain} for
	 * the engine's defaults
	 */
	FloorScenario(String jdbcUrl, Path models, Path forms, String engineSettings, BenchUsers users) throws IOException {
		if (!List.of("app", "plain").contains(engineSettings)) {
			throw new IllegalArgumentException("--floor-engine=app or plain, not " + engineSettings);
		}
		long start = System.nanoTime();
		this.floor = new FloorEngine(jdbcUrl, models, forms, engineSettings.equals("app"));
		this.startSeconds = (System.nanoTime() - start) / 1e9;
		this.runtime = this.floor.engine().getRuntimeService();
		this.tasks = this.floor.engine().getTaskService();
		this.users = users;
	}

	@Override
	public String name() {
		return "floor";
	}

	@Override
	public String unit() {
		return "lifecycle";
	}

	@Override
	public List<Integer> defaultClients() {
		return List.of(1, 4);
	}

	/** Seconds from building the engine to its models deployed. */
	double startSeconds() {
		return this.startSeconds;
	}

	/** Mails sent so far: each is a mail process's job done. */
	@Override
	public long getAsLong() {
		return this.floor.mailsSent();
	}

	@Override
	public Client client(int index) {
		String agent = this.users.agent(index);
		String engineer = this.users.engineer(index);
		return (tally) -> {
			AGENT.set(agent);
			ProcessInstance request = step(tally, "1 open request", this::open);
			String incident = step(tally, "2 open incident", () -> {
				Task task = this.tasks.createTaskQuery()
					.processInstanceId(request.getId())
					.taskDefinitionKey(ServiceRequestProcess.TASK_QUALIFY_REQUEST)
					.singleResult();
				this.tasks.complete(task.getId(),
						Map.of(ServiceRequestProcess.DECISION, ServiceRequestProcess.Decision.OPEN_INCIDENT.name(),
								ServiceRequestProcess.SERVICE_CODE, LifecycleScenario.SERVICE));
				return this.floor.incidentOf(request.getBusinessKey());
			});
			decide(tally, "3 assign", incident, Map.of(IncidentProcess.DECISION, IncidentProcess.Decision.ASSIGN.name(),
					IncidentProcess.ENGINEER, engineer));
			decide(tally, "4 start work", incident,
					Map.of(IncidentProcess.DECISION, IncidentProcess.Decision.START.name()));
			decide(tally, "5 close", incident, Map.of(IncidentProcess.DECISION, IncidentProcess.Decision.CLOSE.name(),
					IncidentProcess.NARRATIVE, NARRATIVE));
		};
	}

	/** As the app opens a phone request: the caller's details only for the lookup. */
	private ProcessInstance open() {
		VariableMap variables = Variables.createVariables();
		variables.put(ServiceRequestProcess.CLIENT_PHONE, Variables.stringValue(IntakeMix.POPOV, true));
		variables.put(ServiceRequestProcess.ORDER_CODE, Variables.stringValue("ORD-3001", true));
		variables.put(ServiceRequestProcess.CHANNEL, Variables.stringValue("PHONE", true));
		variables.put(ServiceRequestProcess.DESCRIPTION, "No internet at home");
		return this.runtime.startProcessInstanceByKey(ServiceRequestProcess.KEY, variables);
	}

	/** The incident's open task completed with the decision, as a status change does. */
	private void decide(Tally tally, String name, String incident, Map<String, Object> variables) {
		step(tally, name, () -> {
			Task task = this.tasks.createTaskQuery().processInstanceId(incident).singleResult();
			this.tasks.complete(task.getId(), variables);
			return null;
		});
	}

	private <T> T step(Tally tally, String name, Supplier<T> calls) {
		long start = System.nanoTime();
		T result = this.floor.inTransaction((context) -> calls.get());
		tally.step(name, System.nanoTime() - start);
		return result;
	}

	@Override
	public void close() {
		this.floor.close();
	}

}
