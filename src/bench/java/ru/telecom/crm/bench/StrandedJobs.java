package ru.telecom.crm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engine's jobs a killed node had locked, read from {@code ACT_RU_JOB} right after
 * the kill (a lock whose owner is set and whose expiry is ahead), then watched until each
 * has run: gone from the table, or failed and unlocked (a retry is due later).
 */
final class StrandedJobs {

	/** One stranded job and, once run, when. */
	static final class Job {

		final String id;

		final String owner;

		final String step;

		final long lockLeftMs;

		long doneAfterKillMs = -1;

		boolean failed;

		Job(String id, String owner, String step, long lockLeftMs) {
			this.id = id;
			this.owner = owner;
			this.step = step;
			this.lockLeftMs = lockLeftMs;
		}

	}

	private final Psql psql;

	private final String database;

	StrandedJobs(Psql psql, String database) {
		this.psql = psql;
		this.database = database;
	}

	/** The jobs locked when the node died, with the lock time they had left. */
	List<Job> lockedNow() {
		List<Job> jobs = new ArrayList<>();
		for (String[] row : this.psql.query(this.database, """
				select j.id_, j.lock_owner_,
				       coalesce(j.process_def_key_, '') || ':' || coalesce(d.act_id_, j.handler_type_),
				       (extract(epoch from j.lock_exp_time_ - now()) * 1000)::bigint
				from act_ru_job j left join act_ru_jobdef d on d.id_ = j.job_def_id_
				where j.lock_owner_ is not null and j.lock_exp_time_ > now()""")) {
			jobs.add(new Job(row[0], row[1], row[2], Long.parseLong(row[3])));
		}
		return jobs;
	}

	/**
	 * Marks the jobs that have run since: gone, or unlocked with an exception (failed,
	 * its retry due later). True when none is left.
	 */
	boolean poll(List<Job> jobs, long killNanos) {
		List<Job> open = jobs.stream().filter((job) -> job.doneAfterKillMs < 0).toList();
		if (open.isEmpty()) {
			return true;
		}
		String ids = open.stream().map((job) -> "'" + job.id + "'").collect(Collectors.joining(","));
		Map<String, String[]> rows = new LinkedHashMap<>();
		for (String[] row : this.psql.query(this.database,
				"select id_, coalesce(lock_owner_, ''), (exception_msg_ is not null) from act_ru_job where id_ in ("
						+ ids + ")")) {
			rows.put(row[0], row);
		}
		long now = (System.nanoTime() - killNanos) / 1_000_000;
		for (Job job : open) {
			String[] row = rows.get(job.id);
			if (row == null) {
				job.doneAfterKillMs = now;
			}
			else if (row[1].isEmpty() && row[2].equals("t")) {
				job.doneAfterKillMs = now;
				job.failed = true;
			}
		}
		return open.stream().allMatch((job) -> job.doneAfterKillMs >= 0);
	}

	/** The owners seen, for the log: a node's lock owner is its own. */
	static Set<String> owners(List<Job> jobs) {
		return jobs.stream().map((job) -> job.owner).collect(Collectors.toSet());
	}

}
