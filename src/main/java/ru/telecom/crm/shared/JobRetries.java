package ru.telecom.crm.shared;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * How the engine retries a failed job of ours (a mail, a channel lookup, an SLA alarm):
 * the models' {@code failedJobRetryTimeCycle} is {@code ${jobRetries.cycle}}, read at
 * each failure. The waits grow through {@code crm.jobs.retry.first} and then stay at
 * {@code at-most}, repeated until they add up to {@code for}; only then is the job a
 * Cockpit incident. The cap is what brings a mail out within two minutes of the mail
 * server's return, or a lookup within two minutes of LegacyDB's: the models' list of
 * growing waits before (up to an hour) left a job that had failed a few times waiting
 * minutes after the outage ended ({@code src/bench/faults mail-down}).
 * <p>
 * A job that failed on an earlier model, or under a longer cap, may wait longer than the
 * cap when the app starts: its wait is brought down to the cap at start, whether or not
 * its process moved to the current model ({@link ModelUpgrades}).
 */
@Component("jobRetries")
public class JobRetries implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRetries.class);

	private final String cycle;

	private final int retries;

	private final Duration atMost;

	private final ManagementService management;

	private final Clock clock;

	public JobRetries(JobRetrySettings settings, ManagementService management, Clock clock) {
		this.management = management;
		this.clock = clock;
		this.atMost = settings.atMost();
		this.cycle = cycleOf(settings);
		this.retries = this.cycle.split(",").length;
	}

	/**
	 * The retry time cycle of the settings, as the engine reads it: ISO-8601 durations,
	 * comma-separated.
	 */
	public static String cycleOf(JobRetrySettings settings) {
		List<String> waits = new ArrayList<>();
		Duration total = Duration.ZERO;
		for (Duration wait : settings.first()) {
			Duration capped = (wait.compareTo(settings.atMost()) > 0) ? settings.atMost() : wait;
			waits.add(capped.toString());
			total = total.plus(capped);
		}
		while (total.compareTo(settings.patience()) < 0) {
			waits.add(settings.atMost().toString());
			total = total.plus(settings.atMost());
		}
		return String.join(",", waits);
	}

	/** The engine's retry time cycle: the waits after each failure, in turn. */
	public String getCycle() {
		return this.cycle;
	}

	/**
	 * The retries a job has left after its first failure (one per wait); at the last
	 * failure it has none and becomes an incident.
	 */
	public int retries() {
		return this.retries;
	}

	@Override
	public void run(ApplicationArguments args) {
		int pulledIn = waitNoLongerThanTheCap();
		if (pulledIn > 0) {
			log.info("{} failed jobs waited longer than {} for their next try: due in {} now", pulledIn, this.atMost,
					this.atMost);
		}
	}

	/**
	 * Brings the next try of every failed job with retries left that waits longer than
	 * the cap down to the cap.
	 * @return how many jobs were brought forward
	 */
	public int waitNoLongerThanTheCap() {
		Date latest = Date.from(this.clock.instant().plus(this.atMost));
		List<Job> waiting = this.management.createJobQuery()
			.withException()
			.withRetriesLeft()
			.duedateHigherThan(latest)
			.list();
		for (Job job : waiting) {
			this.management.setJobDuedate(job.getId(), latest);
		}
		return waiting.size();
	}

}
