package ru.telecom.crm.support;

import java.util.Map;

import org.camunda.bpm.engine.test.mock.Mocks;

import ru.telecom.crm.shared.JobRetries;
import ru.telecom.crm.shared.JobRetrySettings;

/**
 * The models' retry time cycle ({@code ${jobRetries.cycle}}) for the process tests, which
 * run the engine alone: the app's default waits, under the bean's name.
 */
public final class ProcessTestRetries {

	/** The waits of the default cycle: the retries a job has after its first failure. */
	public static final int RETRIES = JobRetries.cycleOf(JobRetrySettings.defaults()).split(",").length;

	private ProcessTestRetries() {
	}

	/** Registers the cycle with {@link Mocks}, as the delegates are. */
	public static void register() {
		Mocks.register("jobRetries", Map.of("cycle", JobRetries.cycleOf(JobRetrySettings.defaults())));
	}

}
