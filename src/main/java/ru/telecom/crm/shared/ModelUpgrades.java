package ru.telecom.crm.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Moves the items running on an older version of a model to the version just deployed,
 * with the engine's migration API, at every start: a changed model reaches the items
 * already open, and the old versions' behaviour need not be kept alive beside the new.
 * Each step maps to the step of the same id ({@code mapEqualActivities}); a model whose
 * steps changed so that this cannot be done is reported and its items stay on their
 * version, which the engine keeps and which still runs. Up to {@value #AT_ONCE} instances
 * of a version move in the start's own transaction; more move in the background as a
 * batch of jobs. Two nodes starting at once may both try: the second finds nothing left
 * to move or loses a row to the first, and says so.
 */
@Component
public class ModelUpgrades implements ApplicationRunner {

	/** The instances of one version moved at once; more go as a batch. */
	static final int AT_ONCE = 1_000;

	private static final Logger log = LoggerFactory.getLogger(ModelUpgrades.class);

	private final RepositoryService repository;

	private final RuntimeService runtime;

	public ModelUpgrades(RepositoryService repository, RuntimeService runtime) {
		this.repository = repository;
		this.runtime = runtime;
	}

	@Override
	public void run(ApplicationArguments args) {
		migrateToLatest();
	}

	/**
	 * Moves the running instances of every older version to the latest of its model.
	 * @return what moved, a line per older version with instances
	 */
	public List<String> migrateToLatest() {
		List<String> moved = new ArrayList<>();
		for (ProcessDefinition latest : this.repository.createProcessDefinitionQuery().latestVersion().list()) {
			for (ProcessDefinition older : this.repository.createProcessDefinitionQuery()
				.processDefinitionKey(latest.getKey())
				.list()) {
				if (older.getVersion() < latest.getVersion()) {
					migrate(older, latest).ifPresent(moved::add);
				}
			}
		}
		return moved;
	}

	private Optional<String> migrate(ProcessDefinition older, ProcessDefinition latest) {
		long running = instancesOf(older).count();
		if (running == 0) {
			return Optional.empty();
		}
		String what = running + " " + older.getKey() + " from version " + older.getVersion() + " to "
				+ latest.getVersion();
		try {
			MigrationPlan plan = this.runtime.createMigrationPlan(older.getId(), latest.getId())
				.mapEqualActivities()
				.updateEventTriggers()
				.build();
			MigrationPlanExecutionBuilder migration = this.runtime.newMigration(plan)
				.processInstanceQuery(instancesOf(older));
			if (running <= AT_ONCE) {
				migration.execute();
				log.info("Migrated {}", what);
				return Optional.of("migrated " + what);
			}
			migration.executeAsync();
			log.info("Migrating {} in the background", what);
			return Optional.of("migrating " + what);
		}
		catch (RuntimeException ex) {
			log.warn("Could not migrate {}; they go on on their version: {}", what, ex.getMessage());
			return Optional.of("not migrated " + what);
		}
	}

	private ProcessInstanceQuery instancesOf(ProcessDefinition definition) {
		return this.runtime.createProcessInstanceQuery().processDefinitionId(definition.getId());
	}

}
