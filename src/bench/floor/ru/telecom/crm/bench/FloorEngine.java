package ru.telecom.crm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.notification.IncidentMailProcess;
import ru.telecom.crm.notification.MailKind;
import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.shared.EngineTuning;
import ru.telecom.crm.shared.StepSettings;

/**
 * The engine floor's engine: a plain Camunda engine (no Spring, no authorization, no
 * identity, history {@code full}, job executor on, UUID ids and a Hikari pool of 20 like
 * the app's) on a database of the bench cluster, with our models and forms deployed. With
 * the app's engine settings (the default) it also writes removal times at start and no
 * detail row per variable update, and has the index the app adds ({@link EngineTuning});
 * plain, it has the engine's defaults. Every {@code ${…}} delegate or listener the models
 * name is answered by one that does no work of the app: it only sets the variables the
 * model's own expressions read and makes the engine calls that link our processes (the
 * incident's start message, a mail process per mail, the request's closing message), so
 * an instance walks the path the app's would.
 */
final class FloorEngine implements AutoCloseable {

	private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

	private final HikariDataSource dataSource;

	private final ProcessEngine engine;

	/** Business keys: the request's and its incident's are the same number here. */
	private final AtomicLong keys = new AtomicLong();

	/** The incident's process of each request, by business key (the app's own link). */
	private final Map<String, String> incidents = new ConcurrentHashMap<>();

	private final AtomicLong mailsSent = new AtomicLong();

	FloorEngine(String jdbcUrl, Path models, Path forms, boolean appSettings) throws IOException {
		HikariConfig pool = new HikariConfig();
		pool.setJdbcUrl(jdbcUrl);
		pool.setMaximumPoolSize(20);
		pool.setPoolName("floor");
		this.dataSource = new HikariDataSource(pool);
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("floor");
		configuration.setDataSource(this.dataSource);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(true);
		configuration.setIdGenerator(new StrongUuidGenerator());
		configuration.setBeans(beans(models));
		if (appSettings) {
			configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
			configuration.getProcessEnginePlugins().add(new EngineTuning());
			// the app's job executor: it polls (camunda.bpm.job-execution in application.yaml)
			// instead of waking for each new job (JobExecutorConfiguration)
			DefaultJobExecutor polling = new DefaultJobExecutor() {
				@Override
				public void jobWasAdded() {
				}
			};
			polling.setWaitTimeInMillis(250);
			polling.setMaxWait(1000);
			configuration.setJobExecutor(polling);
		}
		this.engine = configuration.buildProcessEngine();
		deploy(models, forms);
	}

	ProcessEngine engine() {
		return this.engine;
	}

	/** Runs the calls of one API step in one transaction, as the app's call does. */
	<T> T inTransaction(Command<T> command) {
		return ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration())
			.getCommandExecutorTxRequired()
			.execute(command);
	}

	/** The process of the incident opened for that request. */
	String incidentOf(String requestKey) {
		return this.incidents.remove(requestKey);
	}

	/** Mails the mail processes have "sent" (their job ran). */
	long mailsSent() {
		return this.mailsSent.get();
	}

	private void deploy(Path models, Path forms) throws IOException {
		DeploymentBuilder deployment = this.engine.getRepositoryService()
			.createDeployment()
			.name("engine floor")
			.enableDuplicateFiltering(true);
		for (Path file : files(models, ".bpmn")) {
			deployment.addString(file.getFileName().toString(), Files.readString(file));
		}
		for (Path file : files(forms, ".form")) {
			try (InputStream in = Files.newInputStream(file)) {
				deployment.addInputStream(file.getFileName().toString(), in);
			}
		}
		deployment.deploy();
	}

	/** Every name the models use as a delegate or listener, each with its stand-in. */
	private Map<Object, Object> beans(Path models) throws IOException {
		Set<String> names = new TreeSet<>();
		for (Path file : files(models, ".bpmn")) {
			Matcher matcher = DELEGATE.matcher(Files.readString(file));
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		Map<Object, Object> beans = new HashMap<>();
		NoOp noOp = new NoOp();
		names.forEach((name) -> beans.put(name, noOp));
		beans.put("openServiceRequestDelegate", (JavaDelegate) this::openRequest);
		beans.put("openIncidentDelegate", (JavaDelegate) this::openIncident);
		beans.put("queueIncidentMailDelegate", (JavaDelegate) this::queueMails);
		beans.put("notifyRequestDelegate", (JavaDelegate) this::notifyRequest);
		beans.put("sendIncidentMailDelegate", (JavaDelegate) (execution) -> this.mailsSent.incrementAndGet());
		return beans;
	}

	/** What the gateways and the qualify task read: the agent on the line, bound. */
	private void openRequest(DelegateExecution execution) {
		execution.setProcessBusinessKey(Long.toString(this.keys.incrementAndGet()));
		execution.setVariable(ServiceRequestProcess.ASSIGNEE, FloorScenario.AGENT.get());
		execution.setVariable(ServiceRequestProcess.CALLER_IDENTIFIED, true);
		execution.setVariable(ServiceRequestProcess.CLIENT_SUMMARY, "Popov Ivan, " + IntakeMix.POPOV);
		execution.setVariable(ServiceRequestProcess.ORDER_SUMMARY, "ORD-3001 Home internet 100 Mbit/s, 650.00");
	}

	private void openIncident(DelegateExecution execution) {
		String key = execution.getProcessBusinessKey();
		String process = this.engine.getRuntimeService()
			.createMessageCorrelation(IncidentProcess.MESSAGE_OPENED)
			.processInstanceBusinessKey(key)
			.setVariable(IncidentProcess.WORK_GROUP, "wg-100")
			.setVariable(IncidentProcess.SUMMARY, "Service 1001 Home internet\nRequest #" + key)
			.correlateStartMessage()
			.getId();
		this.incidents.put(key, process);
	}

	/** As the app queues them: one mail process per event (its mails sent by one job). */
	private void queueMails(DelegateExecution execution) {
		MailKind event = MailKind.valueOf(StepSettings.required(execution, IncidentProcess.MAIL_KIND));
		this.engine.getRuntimeService()
			.startProcessInstanceByKey(IncidentMailProcess.KEY, execution.getProcessBusinessKey(),
					Map.of(IncidentMailProcess.INCIDENT_PROCESS, execution.getProcessInstanceId(),
							IncidentMailProcess.MAIL_EVENT, event.name()));
	}

	private void notifyRequest(DelegateExecution execution) {
		this.engine.getRuntimeService()
			.createMessageCorrelation(IncidentProcess.MESSAGE_CLOSED)
			.processInstanceBusinessKey(execution.getProcessBusinessKey())
			.correlate();
	}

	private static List<Path> files(Path folder, String suffix) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.toString().endsWith(suffix)).sorted().toList();
		}
	}

	@Override
	public void close() {
		this.engine.close();
		this.dataSource.close();
	}

	/** A delegate or listener that does nothing. */
	static final class NoOp implements JavaDelegate, TaskListener, ExecutionListener {

		@Override
		public void execute(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateTask task) {
		}

		@Override
		public void notify(DelegateExecution execution) {
		}

	}

}
