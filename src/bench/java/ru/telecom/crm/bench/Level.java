package ru.telecom.crm.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario at one client count: the clients' figures, the database's and the app's,
 * per operation where that is what counts.
 *
 * @param settled whether the transaction counts were read after the flush delay
 */
record Level(Scenario scenario, Runner.Phase phase, PgProbe.Delta sql, long mails, double appCpuSeconds,
		double pgCpuSeconds, Map<String, Object> memory, boolean settled) {

	/**
	 * Operations done, failed ones included: the divisor of every per-operation figure.
	 */
	long operations() {
		return this.phase.tally().operations.count() + this.phase.tally().failedOperations;
	}

	double perOperation(double total) {
		return (operations() > 0) ? total / operations() : Double.NaN;
	}

	double statements() {
		return perOperation(this.sql.ourCalls());
	}

	/**
	 * The app's own transactions: its BEGINs, which pg_stat_statements counts at once.
	 */
	double transactions() {
		return perOperation(this.sql.ourVerbs().getOrDefault("begin", 0L));
	}

	/**
	 * Commits as PostgreSQL counts them: the app's transactions (its job executor's too)
	 * and each check of a connection borrowed after half a second idle (Hikari's
	 * {@code isValid}, an empty query), which weigh more at one client than at sixteen.
	 */
	double commits() {
		return perOperation(this.sql.ours().getOrDefault("xact_commit", 0L));
	}

	Map<String, Object> toMap() {
		Tally tally = this.phase.tally();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("scenario", this.scenario.name());
		map.put("unit", this.scenario.unit());
		map.put("clients", this.phase.clients());
		map.put("operations", operations());
		map.put("failedOperations", tally.failedOperations);
		map.put("seconds", this.phase.seconds());
		map.put("throughputPerSecond", this.phase.throughput());
		map.put("latencyMs", tally.operations.summary());
		Map<String, Object> steps = new LinkedHashMap<>();
		tally.steps.forEach((name, latencies) -> steps.put(name, latencies.summary()));
		map.put("stepsMs", steps);
		map.put("statuses", tally.statuses);
		map.put("errors", tally.errors);
		map.put("firstError", tally.firstError);
		Map<String, Object> per = new LinkedHashMap<>();
		per.put("sqlStatements", statements());
		per.put("transactions", transactions());
		per.put("commits", commits());
		per.put("rollbacks", perOperation(this.sql.ours().getOrDefault("xact_rollback", 0L)));
		per.put("sqlExecMs", perOperation(this.sql.ourMillis()));
		per.put("tuplesInserted", perOperation(this.sql.ours().getOrDefault("tup_inserted", 0L)));
		per.put("tuplesUpdated", perOperation(this.sql.ours().getOrDefault("tup_updated", 0L)));
		per.put("tuplesDeleted", perOperation(this.sql.ours().getOrDefault("tup_deleted", 0L)));
		per.put("walBytes", perOperation(this.sql.walBytes()));
		per.put("legacySqlStatements", perOperation(this.sql.legacyCalls()));
		per.put("legacyCommits", perOperation(this.sql.legacy().getOrDefault("xact_commit", 0L)));
		per.put("mails", perOperation(this.mails));
		per.put("appCpuMs", perOperation(this.appCpuSeconds * 1000));
		per.put("pgCpuMs", perOperation(this.pgCpuSeconds * 1000));
		map.put("perOperation", per);
		map.put("transactionCountsSettled", this.settled);
		map.put("statementsByVerbPerOperation", perOperation(this.sql.ourVerbs()));
		map.put("statementsByKindPerOperation", perOperation(this.sql.ourKinds()));
		map.put("topStatements",
				this.sql.ourStatements()
					.stream()
					.limit(30)
					.map((s) -> Map.of("perOperation", perOperation(s.calls()), "rowsPerCall",
							(double) s.rows() / s.calls(), "msPerCall", s.millis() / s.calls(), "query", s.text()))
					.toList());
		map.put("legacyStatements",
				this.sql.legacyStatements()
					.stream()
					.limit(10)
					.map((s) -> Map.of("perOperation", perOperation(s.calls()), "msPerCall", s.millis() / s.calls(),
							"query", s.text()))
					.toList());
		map.put("statementEvictions", this.sql.deallocations());
		map.put("memoryAfter", this.memory);
		return map;
	}

	private Map<String, Object> perOperation(Map<String, Long> counts) {
		Map<String, Object> per = new LinkedHashMap<>();
		counts.forEach((key, count) -> per.put(key, perOperation(count)));
		return per;
	}

	/** The kinds of statement that make up most of an operation. */
	List<Map.Entry<String, Long>> topKinds(int limit) {
		return this.sql.ourKinds().entrySet().stream().limit(limit).toList();
	}

}
