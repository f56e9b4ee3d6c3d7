package ru.telecom.crm.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Daytime work while the engine's history cleanup runs: the lifecycle at its client
 * counts without the cleanup ({@code cleanup-off}), then a load of expired engine history
 * (process, activity, task and variable instances of ServiceRequestProcess, removal time
 * in the past, ten rows a process instance, as the engine writes them; the cleanup job
 * suspended meanwhile, as its window is open), the cleanup started as an administrator
 * would ({@code POST /engine-rest/history/cleanup?immediatelyDue=true};
 * the run script opens the app's cleanup window around the run) and the lifecycle again
 * while it deletes ({@code cleanup-on}). The expired rows are counted just before and
 * after each level, for the rows cleaned per second.
 */
final class CleanupScenario {

	static final String NAME = "cleanup";

	private static final String[] TABLES = { "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
			"act_hi_varinst" };

	private final Api api;

	private final Psql psql;

	private final String database;

	private final Scenario lifecycle;

	private final long rows;

	private final Map<String, Object> figures = new LinkedHashMap<>();

	private boolean started;

	private long expiredBefore;

	private long beforeNanos;

	CleanupScenario(Api api, Psql psql, String database, Scenario lifecycle, long rows) {
		this.api = api;
		this.psql = psql;
		this.database = database;
		this.lifecycle = lifecycle;
		this.rows = rows;
	}

	/** The lifecycle under another name, for the levels without and with the cleanup. */
	Scenario lifecycle(String name) {
		Scenario inner = this.lifecycle;
		return new Scenario() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public String unit() {
				return inner.unit();
			}

			@Override
			public List<Integer> defaultClients() {
				return List.of(4);
			}

			@Override
			public Client client(int index) {
				return inner.client(index);
			}
		};
	}

	/**
	 * Ten history rows a process instance, all past their removal time: the process, five
	 * activities (start, two service tasks, a user task, end), its task and three
	 * variables.
	 */
	void load() {
		// the window is open: the cleanup job must not start on its own before the level
		suspendCleanupJobs(true);
		long instances = Math.max(1, this.rows / 10);
		long start = System.nanoTime();
		try (Progress progress = new Progress("loading expired history", 0, false, null)) {
			this.psql.query(this.database, """
					create temporary table bench_expired as
					select 'bx-' || n as pi, d.id_ as def_id, d.key_ as def_key,
					  localtimestamp - interval '200 days' + n * interval '1 millisecond' as started,
					  localtimestamp - interval '1 day' - mod(n, 86400) * interval '1 second' as removal
					from generate_series(1, %d) n,
					  (select id_, key_ from act_re_procdef where key_ = 'ServiceRequestProcess'
					   order by version_ desc limit 1) d""".formatted(instances), """
					insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_,
					  start_time_, end_time_, removal_time_, duration_, start_act_id_, end_act_id_,
					  root_proc_inst_id_, state_)
					select pi, pi, pi, def_key, def_id, started, started + interval '1 hour', removal, 3600000,
					  'Event_Start', 'Event_End', pi, 'COMPLETED' from bench_expired""", """
					insert into act_hi_actinst (id_, parent_act_inst_id_, proc_def_key_, proc_def_id_,
					  root_proc_inst_id_, proc_inst_id_, execution_id_, act_id_, act_name_, act_type_, assignee_,
					  task_id_, start_time_, end_time_, duration_, act_inst_state_, sequence_counter_, removal_time_)
					select pi || '-' || a.n, pi, def_key, def_id, pi, pi, pi, a.act, a.act, a.kind,
					  case when a.kind = 'userTask' then 'anna' end, case when a.kind = 'userTask' then pi || '-t' end,
					  started + a.n * interval '1 second', started + a.n * interval '1 second', 0, 1, a.n, removal
					from bench_expired, (values (1, 'Event_Start', 'startEvent'), (2, 'Task_Open', 'serviceTask'),
					  (3, 'Task_Work', 'userTask'), (4, 'Task_Close', 'serviceTask'), (5, 'Event_End', 'noneEndEvent'))
					  a (n, act, kind)""", """
					insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
					  proc_inst_id_, execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_,
					  delete_reason_, priority_, removal_time_, task_state_)
					select pi || '-t', 'Task_Work', def_key, def_id, pi, pi, pi, pi || '-3', 'Work on the request',
					  'anna', started, started + interval '1 hour', 3600000, 'completed', 50, removal, 'Completed'
					from bench_expired""", """
					insert into act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
					  execution_id_, act_inst_id_, name_, var_type_, create_time_, rev_, text_, long_, state_,
					  removal_time_)
					select pi || '-v' || v.n, def_key, def_id, pi, pi, pi, pi, v.name, v.kind, started, 1,
					  case when v.kind = 'string' then 'expired ' || pi end, case when v.kind = 'long' then 1 end,
					  'CREATED', removal
					from bench_expired, (values (1, 'description', 'string'), (2, 'priority', 'string'),
					  (3, 'clientId', 'long')) v (n, name, kind)""", "analyze act_hi_procinst, act_hi_actinst, "
							+ "act_hi_taskinst, act_hi_varinst");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		this.figures.put("rowsLoaded", expired());
		this.figures.put("loadSeconds", seconds);
		System.out.printf(Locale.ROOT, "loaded %d expired history rows (%d process instances) in %.1f s%n", expired(),
				instances, seconds);
	}

	/** Expired rows left in the four tables. */
	long expired() {
		StringBuilder sql = new StringBuilder("select 0");
		for (String table : TABLES) {
			sql.append(" + (select count(*) from ").append(table).append(" where removal_time_ < localtimestamp)");
		}
		return Long.parseLong(this.psql.value(this.database, sql.toString()));
	}

	/** Before a level with the cleanup: starts it the first time, counts what is left. */
	void beforeLevel() {
		if (!this.started) {
			suspendCleanupJobs(false);
			Api.Response response = this.api.post("admin", "/engine-rest/history/cleanup?immediatelyDue=true", "");
			if (response.status() != 200) {
				throw new IllegalStateException("the history cleanup did not start: " + response.status() + " "
						+ response.body());
			}
			this.started = true;
		}
		this.expiredBefore = expired();
		this.beforeNanos = System.nanoTime();
	}

	/** Suspends or activates the engine's history cleanup jobs, as an administrator. */
	private void suspendCleanupJobs(boolean suspended) {
		Api.Response jobs = this.api.get("admin", "/engine-rest/history/cleanup/jobs");
		if (jobs.status() != 200) {
			throw new IllegalStateException("the history cleanup jobs: " + jobs.status() + " " + jobs.body());
		}
		Matcher ids = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"")
			.matcher(jobs.body());
		while (ids.find()) {
			Api.Response response = this.api.put("admin", "/engine-rest/job/" + ids.group(1) + "/suspended",
					"{\"suspended\":" + suspended + "}");
			if (response.status() != 204) {
				throw new IllegalStateException("the history cleanup job " + ids.group(1) + ": " + response.status()
						+ " " + response.body());
			}
		}
	}

	/** After a level with the cleanup: the rows it deleted meanwhile. */
	void afterLevel(Runner.Phase phase) {
		double seconds = (System.nanoTime() - this.beforeNanos) / 1e9;
		long left = expired();
		long cleaned = this.expiredBefore - left;
		Map<String, Object> level = new LinkedHashMap<>();
		level.put("clients", phase.clients());
		level.put("expiredBefore", this.expiredBefore);
		level.put("expiredAfter", left);
		level.put("rowsCleaned", cleaned);
		level.put("seconds", seconds);
		level.put("rowsCleanedPerSecond", cleaned / seconds);
		this.figures.put("clients" + phase.clients(), level);
		System.out.printf(Locale.ROOT, "        history cleanup meanwhile: %d rows in %.1f s, %.0f rows/s (%d left)%n",
				cleaned, seconds, cleaned / seconds, left);
	}

	/**
	 * The figures of the comparison: throughput without and with the cleanup at each
	 * client count, and their ratio (issue 12: at least one half).
	 */
	Map<String, Object> figures(List<Level> without, List<Level> during) {
		for (int i = 0; i < Math.min(without.size(), during.size()); i++) {
			double off = without.get(i).phase().throughput();
			double on = during.get(i).phase().throughput();
			@SuppressWarnings("unchecked")
			Map<String, Object> level = (Map<String, Object>) this.figures.computeIfAbsent(
					"clients" + during.get(i).phase().clients(), (key) -> new LinkedHashMap<String, Object>());
			level.put("throughputWithout", off);
			level.put("throughputDuring", on);
			level.put("ratio", (off > 0) ? on / off : Double.NaN);
			System.out.printf(Locale.ROOT,
					"history cleanup at %d clients: lifecycle %.1f/s without, %.1f/s while it cleans (%.0f %%), "
							+ "%.0f rows cleaned/s%n",
					during.get(i).phase().clients(), off, on, (off > 0) ? 100 * on / off : Double.NaN,
					level.getOrDefault("rowsCleanedPerSecond", Double.NaN));
		}
		return this.figures;
	}

}
