package ru.telecom.crm.shared;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine does less of on a fresh PostgreSQL database: no variable-update rows,
 * no gateway rows, one index more, a job executor that polls.
 */
@PostgresIntegrationTest
class EngineTuningIntegrationTests {

	@Autowired
	RequestActions requests;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CamundaBpmProperties camunda;

	@Test
	void historyKeepsTheVariablesButNoRowPerUpdate() {
		ServiceRequestView request = new AsUser(this.identity).get("anna", () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Slow internet", null)));

		assertThat(this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(request.processInstanceId())
			.count()).isPositive();
		assertThat(this.history.createHistoricDetailQuery().processInstanceId(request.processInstanceId()).count())
			.isZero();
	}

	@Test
	void historyKeepsNoneOfATasksLocalCopies() {
		ServiceRequestView request = new AsUser(this.identity).get("anna", () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Slow internet", null)));
		String task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(request.processInstanceId())
			.singleResult()
			.getId();

		assertThat(this.engine.getTaskService().getVariablesLocal(task)).isNotEmpty();
		assertThat(this.history.createHistoricVariableInstanceQuery().taskIdIn(task).count()).isZero();
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(request.processInstanceId())
			.count()).isPositive();
	}

	@Test
	void historyIsStillTheEnginesFullLevel() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();

		assertThat(configuration.getHistoryLevel()).isInstanceOf(EngineTuning.LeanFullHistory.class)
			.isEqualTo(org.camunda.bpm.engine.impl.history.HistoryLevel.HISTORY_LEVEL_FULL);
		assertThat(this.jdbc.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'",
				String.class))
			.isEqualTo("3");
	}

	@Test
	void historyKeepsEveryActivityButTheGateways() {
		ServiceRequestView request = new AsUser(this.identity).get("anna", () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Slow internet", null)));

		assertThat(this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(request.processInstanceId())
			.list()).extracting(HistoricActivityInstance::getActivityType)
			.contains(ActivityTypes.START_EVENT, ActivityTypes.TASK_USER_TASK)
			.doesNotContain(ActivityTypes.GATEWAY_EXCLUSIVE);
	}

	@Test
	void theJobExecutorPollsAsConfiguredInsteadOfWakingForEachJob() {
		JobExecutor executor = ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration())
			.getJobExecutor();

		assertThat(executor).isInstanceOf(JobExecutorConfiguration.PollingJobExecutor.class);
		assertThat(executor.getWaitTimeInMillis()).isEqualTo(this.camunda.getJobExecution().getWaitTimeInMillis())
			.isLessThanOrEqualTo(1000);
		assertThat(executor.isActive()).isTrue();
	}

	@Test
	void aJobIsLockedToItsNodeForHalfAMinuteSoThatANodeKilledWithJobsInHandLeavesThemSoon() {
		JobExecutor executor = ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration())
			.getJobExecutor();

		assertThat(executor.getLockTimeInMillis()).isEqualTo(30_000)
			.isEqualTo(this.camunda.getJobExecution().getLockTimeInMillis());
	}

	@Test
	void everyConnectionToPostgresqlPlansForRandomReadsAsCheapAsInOrderAndLooksGrantsUpInTheIndex() {
		assertThat(this.jdbc.queryForObject("show random_page_cost", String.class)).isEqualTo("1.1");
		assertThat(this.jdbc.queryForObject("show enable_material", String.class)).isEqualTo("off");
	}

	@Test
	void thePlannerKnowsHowManyGrantsCarryAPermission() {
		assertThat(this.jdbc.queryForList(
				"select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass order by 1",
				String.class))
			.containsExactly("crm_stat_auth_read", "crm_stat_auth_read_task");
	}

	@Test
	void theJobExecutorTakesJobsByPriorityThenDueDateThroughAnIndexInThatOrder() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();

		assertThat(configuration.isJobExecutorAcquireByPriority()).isTrue();
		assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
		assertThat(this.jdbc.queryForList("select indexname || ' ' || indexdef from pg_indexes"
				+ " where tablename = 'act_ru_job' and indexname like 'crm_%'", String.class))
			.as("the due date's index alone is replaced")
			.singleElement()
			.asString()
			.startsWith("crm_idx_job_acquisition")
			.containsIgnoringCase("(priority_ desc, duedate_)");
	}

	@Test
	void theTaskTableHasItsParentIndex() {
		assertThat(this.jdbc.queryForList(
				"select indexdef from pg_indexes where tablename = 'act_ru_task' and indexname = 'crm_idx_task_parent'",
				String.class))
			.singleElement()
			.asString()
			.contains("parent_task_id_");
	}

}
