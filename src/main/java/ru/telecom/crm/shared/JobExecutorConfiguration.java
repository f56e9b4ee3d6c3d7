package ru.telecom.crm.shared;

import java.util.Optional;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * The engine's job executor, set as the starter sets it
 * ({@code camunda.bpm.job-execution}) but polling instead of waking up for every new job.
 * The engine wakes its acquisition after each transaction that made a job, and each
 * wake-up is a transaction of its own that finds a job or two; under load that was a
 * third of our transactions (measured with {@code src/bench}: 8 of 25 per lifecycle).
 * Polling every {@code wait-time-in-millis}, up to {@code max-wait} when idle, takes the
 * jobs of many transactions in one acquisition; a mail or a lookup starts at most
 * {@code max-wait} after its commit.
 * <p>
 * A job is locked to the node that took it for {@code lock-time-in-millis} (30 s, the
 * engine's default is 5 minutes): a node killed with its jobs in hand leaves them to the
 * others, or to its own restart, once the lock runs out ({@code src/bench/faults kill9}).
 * The engine does not renew a lock, so a job that outlives it may be taken again while it
 * runs; each of ours is safe to run twice. The lookup copies a LegacyDB row under its
 * unique key (a second copy finds the first) and binds the request in the job's
 * transaction, whose engine rows the first run's commit makes stale; the clocks' step
 * writes its alarms under the ledger's key in the job's transaction; a mail claims its
 * event key before it is sent, so a second run waits for the first and finds it sent.
 */
@Configuration(proxyBeanMethods = false)
class JobExecutorConfiguration {

	@Bean
	@ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
			matchIfMissing = true)
	static JobExecutor jobExecutor(@Qualifier("camundaTaskExecutor") TaskExecutor taskExecutor,
			CamundaBpmProperties properties) {
		SpringJobExecutor executor = new PollingJobExecutor();
		executor.setTaskExecutor(taskExecutor);
		executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
		JobExecutionProperty settings = properties.getJobExecution();
		Optional.ofNullable(settings.getLockTimeInMillis()).ifPresent(executor::setLockTimeInMillis);
		Optional.ofNullable(settings.getMaxJobsPerAcquisition()).ifPresent(executor::setMaxJobsPerAcquisition);
		Optional.ofNullable(settings.getWaitTimeInMillis()).ifPresent(executor::setWaitTimeInMillis);
		Optional.ofNullable(settings.getMaxWait()).ifPresent(executor::setMaxWait);
		Optional.ofNullable(settings.getBackoffTimeInMillis()).ifPresent(executor::setBackoffTimeInMillis);
		Optional.ofNullable(settings.getMaxBackoff()).ifPresent(executor::setMaxBackoff);
		Optional.ofNullable(settings.getBackoffDecreaseThreshold()).ifPresent(executor::setBackoffDecreaseThreshold);
		Optional.ofNullable(settings.getWaitIncreaseFactor()).ifPresent(executor::setWaitIncreaseFactor);
		return executor;
	}

	/** A job executor that ignores the engine's "a job was added" wake-up. */
	static final class PollingJobExecutor extends SpringJobExecutor {

		@Override
		public void jobWasAdded() {
			// polled for within wait-time-in-millis, with the jobs of other transactions
		}

	}

}
