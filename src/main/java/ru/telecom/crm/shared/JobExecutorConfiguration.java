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
