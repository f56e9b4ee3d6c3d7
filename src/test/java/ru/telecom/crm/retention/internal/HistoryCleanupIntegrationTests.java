package ru.telecom.crm.retention.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import ru.telecom.crm.notification.IncidentMailProcess;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine's history cleanup as configured: its nightly window, the time-to-live per
 * process key, and a finished instance past it removed.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = { RetentionTestProperties.PROBE_TTL, RetentionTestProperties.MAIL_TTL,
		RetentionTestProperties.ENGINE_NAME })
class HistoryCleanupIntegrationTests {

	@Autowired
	ProcessEngineConfigurationImpl engine;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	HistoryTimeToLive timeToLive;

	@BeforeEach
	void deployProbe() {
		// start → end, with the model's own time-to-live of 180 days
		this.repository.createDeployment()
			.addModelInstance(RetentionTestProperties.PROBE + ".bpmn",
					Bpmn.createExecutableProcess(RetentionTestProperties.PROBE)
						.camundaHistoryTimeToLive(180)
						.startEvent()
						.endEvent()
						.done())
			.name(RetentionTestProperties.PROBE)
			.enableDuplicateFiltering(true)
			.deploy();
	}

	@Test
	void theCleanupRunsInTheNightlyWindowByRemovalTime() {
		assertThat(this.engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(this.engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		assertThat(this.engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
		assertThat(this.engine.getHistoryRemovalTimeStrategy()).isEqualTo("start");
	}

	@Test
	void aConfiguredTimeToLiveAppliesAtDeployment() {
		assertThat(probe().getHistoryTimeToLive()).isEqualTo(1);
	}

	@Test
	void aConfiguredTimeToLiveAppliesToDefinitionsDeployedBefore() {
		ProcessDefinition mail = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(IncidentMailProcess.KEY)
			.latestVersion()
			.singleResult();
		this.repository.updateProcessDefinitionHistoryTimeToLive(mail.getId(), 99);

		this.timeToLive.applyToDeployedDefinitions();

		assertThat(this.repository.getProcessDefinition(mail.getId()).getHistoryTimeToLive()).isEqualTo(30);
	}

	@Test
	void theCleanupRemovesAFinishedInstancePastItsTimeToLive() {
		String expired;
		ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(3))));
		try {
			expired = this.runtime.startProcessInstanceByKey(RetentionTestProperties.PROBE).getId();
		}
		finally {
			ClockUtil.reset();
		}
		String fresh = this.runtime.startProcessInstanceByKey(RetentionTestProperties.PROBE).getId();
		assertThat(this.history.createHistoricActivityInstanceQuery().processInstanceId(expired).count()).isPositive();

		this.history.cleanUpHistoryAsync(true);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.history.createHistoricProcessInstanceQuery().processInstanceId(expired).count() == 0);
		assertThat(this.history.createHistoricActivityInstanceQuery().processInstanceId(expired).count()).isZero();
		assertThat(this.history.createHistoricProcessInstanceQuery().processInstanceId(fresh).count()).isOne();
	}

	private ProcessDefinition probe() {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(RetentionTestProperties.PROBE)
			.latestVersion()
			.singleResult();
	}

}
