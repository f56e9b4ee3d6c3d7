package ru.telecom.crm.shared;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * How a failed job is retried ({@link JobRetries}).
 *
 * @param first the first waits, growing (a blip passes within seconds)
 * @param atMost the longest wait between two tries: after an outage a job runs at most
 * this long after the service is back
 * @param patience how long the job is retried in all before it is a Cockpit incident
 */
@ConfigurationProperties("crm.jobs.retry")
public record JobRetrySettings(List<Duration> first, Duration atMost, @Name("for") Duration patience) {

	public JobRetrySettings {
		if (atMost.isZero() || atMost.isNegative()) {
			throw new IllegalArgumentException("crm.jobs.retry.at-most must be positive");
		}
	}

	/**
	 * The defaults of application.yaml, for the process tests that run the engine alone.
	 */
	public static JobRetrySettings defaults() {
		return new JobRetrySettings(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1)),
				Duration.ofMinutes(2), Duration.ofHours(2));
	}

}
