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
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
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
	static final List<String> INDEXES = List
		.of("create index if not exists CRM_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)");

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
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
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The engine tables' indexes could not be made", ex);
		}
		log.info("Engine tables' indexes in place: {}", INDEXES.size());
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

}
