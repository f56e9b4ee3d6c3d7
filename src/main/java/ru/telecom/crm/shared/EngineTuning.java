package ru.telecom.crm.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What the engine does less of, measured with the benchmark harness ({@code src/bench}):
 * <ul>
 * <li>history stays {@code full} (activities, tasks, variables as they end up, the user
 * operation log Tasklist and the audit read) but without a row per variable update
 * ({@code ACT_HI_DETAIL}), which nobody reads here, and without a row per gateway passed:
 * a gateway only routes, in no time, and what it chose is the next activity's row;</li>
 * <li>no history of what is only a copy or a courier ({@link LeanFullHistory}): a task's
 * local variables (the list columns and choices a task shows, copied from our tables),
 * and a mail process but for its failures (what was mailed is in {@code mail_delivery}
 * and the item's activity);</li>
 * <li>the index the engine's schema lacks: every task completion looks up sub-tasks by
 * {@code ACT_RU_TASK.PARENT_TASK_ID_}, a full scan that grows with the open tasks. Made
 * after the engine's own schema, on PostgreSQL and H2 alike (Liquibase keeps to our
 * tables).</li>
 * </ul>
 */
@Component
public class EngineTuning extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(EngineTuning.class);

	/** Indexes of engine tables the engine's schema lacks. */
	static final List<String> INDEXES = List.of(
			"create index if not exists CRM_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)",
			// the job executor takes jobs by priority, then by due date
			// (jobExecutorAcquireByPriority, jobExecutorAcquireByDueDate): the
			// acquisition reads the index in its order and stops at its page
			"create index if not exists CRM_IDX_JOB_ACQUISITION on ACT_RU_JOB (PRIORITY_ desc, DUEDATE_)");

	/**
	 * Indexes of ours that an index above replaced: the job acquisition's on the due date
	 * alone, before it took jobs by priority too.
	 */
	static final List<String> REPLACED_INDEXES = List.of("drop index if exists CRM_IDX_JOB_DUEDATE");

	/**
	 * Jobs made before every job had a due date ({@code ensureJobDueDateNotNull}, set
	 * since the SLA clocks): the acquisition by due date no longer takes a job without
	 * one, so a job left from an earlier version is given its creation time (or now) at
	 * start.
	 */
	static final List<String> UPGRADES = List
		.of("update ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, CURRENT_TIMESTAMP) where DUEDATE_ is null");

	/**
	 * On PostgreSQL, statistics on the permission bits the engine's queries test
	 * ({@code PERMS_ & 2}: read, {@code PERMS_ & 64}: read the tasks of a definition), so
	 * that the planner knows how many grants a caller's query meets
	 * ({@link PostgresSessionSettings}); analysed at once, kept by autovacuum after.
	 */
	static final List<String> POSTGRES_STATISTICS = List.of(
			"create statistics if not exists crm_stat_auth_read on (PERMS_ & 2) from ACT_RU_AUTHORIZATION",
			"create statistics if not exists crm_stat_auth_read_task on (PERMS_ & 64) from ACT_RU_AUTHORIZATION",
			"analyze ACT_RU_AUTHORIZATION");

	/**
	 * The processes whose history is only their failures: the notification module's
	 * {@code IncidentMailProcess} and the incident's service-level clock
	 * {@code IncidentSlaClock}, whose every step is recorded in our activity rows (named
	 * here, below those modules; their tests check the names).
	 */
	public static final Set<String> COURIER_PROCESSES = Set.of("IncidentMailProcess", "IncidentSlaClock");

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryLevel> levels = new ArrayList<>();
		if (configuration.getCustomHistoryLevels() != null) {
			levels.addAll(configuration.getCustomHistoryLevels());
		}
		// named "full" and listed after the engine's own: history "full" is this one
		levels.add(new LeanFullHistory(COURIER_PROCESSES));
		configuration.setCustomHistoryLevels(levels);
		List<HistoryEventHandler> handlers = new ArrayList<>();
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		handlers.add(new LeanHistory());
		configuration.setEnableDefaultDbHistoryEventHandler(false);
		configuration.setCustomHistoryEventHandlers(handlers);
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		try (Connection connection = configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			for (String index : INDEXES) {
				statement.execute(index);
			}
			for (String replaced : REPLACED_INDEXES) {
				statement.execute(replaced);
			}
			for (String upgrade : UPGRADES) {
				int moved = statement.executeUpdate(upgrade);
				if (moved > 0) {
					log.info("Jobs without a due date given one: {}", moved);
				}
			}
			if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				for (String statistics : POSTGRES_STATISTICS) {
					statement.execute(statistics);
				}
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The engine tables' indexes could not be made", ex);
		}
		log.info("Engine tables' indexes (and on PostgreSQL their statistics) in place: {}", INDEXES.size());
	}

	/**
	 * The engine's history, but no detail row per variable update and no activity row per
	 * gateway.
	 */
	static final class LeanHistory extends DbHistoryEventHandler {

		/** The activity types that only route. */
		private static final Set<String> GATEWAYS = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE,
				ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_EVENT_BASED);

		@Override
		public void handleEvent(HistoryEvent historyEvent) {
			if (historyEvent instanceof HistoricActivityInstanceEventEntity activity
					&& GATEWAYS.contains(activity.getActivityType())) {
				return;
			}
			super.handleEvent(historyEvent);
		}

		@Override
		protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
			return false;
		}

	}

	/**
	 * History {@code full} (its id and name, so that a database made at {@code full}
	 * keeps it), but nothing of a task's local variables, and of a courier process only
	 * its failures: failed job runs and incidents, which Cockpit shows. Decided before an
	 * event is made, so none of its statements run (nor the removal-time lookup).
	 */
	static final class LeanFullHistory extends HistoryLevelFull {

		private final Set<String> couriers;

		LeanFullHistory(Set<String> couriers) {
			this.couriers = couriers;
		}

		@Override
		public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
			if (entity == null) {
				// asked while parsing a model: whether to listen at all
				return true;
			}
			if (entity instanceof VariableInstanceEntity variable && variable.getTaskId() != null) {
				return false;
			}
			if (eventType == HistoryEventTypes.JOB_FAIL
					|| HistoryEventTypes.INCIDENT_CREATE.getEntityType().equals(eventType.getEntityType())) {
				return true;
			}
			String process = processKeyOf(entity);
			return process == null || !this.couriers.contains(process);
		}

		private static String processKeyOf(Object entity) {
			if (entity instanceof JobEntity job) {
				return job.getProcessDefinitionKey();
			}
			if (entity instanceof HistoryEvent event) {
				return event.getProcessDefinitionKey();
			}
			String definitionId = (entity instanceof ExecutionEntity execution) ? execution.getProcessDefinitionId()
					: (entity instanceof VariableInstanceEntity variable) ? variable.getProcessDefinitionId() : null;
			if (definitionId == null) {
				return null;
			}
			// the deployment cache: no statement
			ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
				.getDeploymentCache()
				.findDeployedProcessDefinitionById(definitionId);
			return definition.getKey();
		}

		// the engine asks historyLevel.equals(HISTORY_LEVEL_FULL): same id, same level
		@Override
		public boolean equals(Object other) {
			return other instanceof HistoryLevel level && level.getId() == getId();
		}

		@Override
		public int hashCode() {
			return getId();
		}

	}

}
