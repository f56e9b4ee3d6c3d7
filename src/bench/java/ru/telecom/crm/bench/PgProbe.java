package ru.telecom.crm.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of our database and LegacyDB before and after a phase: transactions and tuples
 * from {@code pg_stat_database}, statements from {@code pg_stat_statements}, the WAL
 * position. Read from the maintenance database, so that reading them counts in neither.
 * PostgreSQL 15 flushes a backend's transaction counts up to 10 s late: read them after
 * the app has been idle that long (the runner's settle). Statement counts are immediate.
 */
final class PgProbe {

	private static final String[] DATABASE_COUNTERS = { "xact_commit", "xact_rollback", "tup_returned", "tup_fetched",
			"tup_inserted", "tup_updated", "tup_deleted", "blks_read", "blks_hit" };

	private final Psql psql;

	private final String ours;

	private final String legacy;

	PgProbe(Psql psql, String ours, String legacy) {
		this.psql = psql;
		this.ours = ours;
		this.legacy = legacy;
	}

	/** A statement's counters: its database, verb, first table and text. */
	record Statement(String database, String verb, String table, String text, long calls, long rows, double millis) {

		String kind() {
			return this.table.isEmpty() ? this.verb : this.verb + " " + this.table;
		}

	}

	record Snapshot(Map<String, Map<String, Long>> databases, long walBytes, Map<String, Statement> statements,
			long deallocations) {
	}

	Snapshot take() {
		String names = "('" + this.ours + "', '" + this.legacy + "')";
		List<String[]> rows = this.psql.query("postgres",
				"select 'db', datname, " + String.join(", ", DATABASE_COUNTERS)
						+ " from pg_stat_database where datname in " + names,
				"select 'wal', pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint",
				"select 'dealloc', dealloc from pg_stat_statements_info", """
						select 'stmt', d.datname, coalesce(s.queryid, 0), s.calls, s.rows, s.total_exec_time,
						  lower(coalesce(substring(s.query from '^\\s*([A-Za-z]+)'), '?')),
						  lower(coalesce(substring(s.query from '(?i)^\\s*insert\\s+into\\s+([a-z0-9_."]+)'),
						    substring(s.query from '(?i)^\\s*update\\s+([a-z0-9_."]+)'),
						    substring(s.query from '(?i)^\\s*delete\\s+from\\s+([a-z0-9_."]+)'),
						    substring(s.query from '(?i)\\sfrom\\s+([a-z_][a-z0-9_."]*)'), '')),
						  regexp_replace(left(s.query, 400), '\\s+', ' ', 'g')
						from pg_stat_statements s join pg_database d on d.oid = s.dbid
						where d.datname in """ + names);
		Map<String, Map<String, Long>> databases = new HashMap<>();
		Map<String, Statement> statements = new HashMap<>();
		long wal = 0;
		long dealloc = 0;
		for (String[] row : rows) {
			switch (row[0]) {
				case "db" -> {
					Map<String, Long> counters = new LinkedHashMap<>();
					for (int i = 0; i < DATABASE_COUNTERS.length; i++) {
						counters.put(DATABASE_COUNTERS[i], Long.parseLong(row[i + 2]));
					}
					databases.put(row[1], counters);
				}
				case "wal" -> wal = Long.parseLong(row[1]);
				case "dealloc" -> dealloc = Long.parseLong(row[1]);
				case "stmt" -> statements.put(row[1] + "/" + row[2], new Statement(row[1], row[6], row[7], row[8],
						Long.parseLong(row[3]), Long.parseLong(row[4]), Double.parseDouble(row[5])));
				default -> throw new IllegalStateException("unexpected row " + row[0]);
			}
		}
		return new Snapshot(databases, wal, statements, dealloc);
	}

	/** What happened between two snapshots, in our database and LegacyDB. */
	Delta between(Snapshot before, Snapshot after) {
		List<Statement> changed = new ArrayList<>();
		after.statements().forEach((key, now) -> {
			Statement then = before.statements().get(key);
			long calls = now.calls() - ((then != null) ? then.calls() : 0);
			if (calls > 0) {
				changed.add(new Statement(now.database(), now.verb(), now.table(), now.text(), calls,
						now.rows() - ((then != null) ? then.rows() : 0),
						now.millis() - ((then != null) ? then.millis() : 0)));
			}
		});
		changed.sort(Comparator.comparingLong(Statement::calls).reversed());
		return new Delta(counters(before, after, this.ours), counters(before, after, this.legacy),
				after.walBytes() - before.walBytes(),
				changed.stream().filter((s) -> s.database().equals(this.ours)).toList(),
				changed.stream().filter((s) -> s.database().equals(this.legacy)).toList(),
				after.deallocations() - before.deallocations());
	}

	private static Map<String, Long> counters(Snapshot before, Snapshot after, String database) {
		Map<String, Long> delta = new LinkedHashMap<>();
		Map<String, Long> then = before.databases().getOrDefault(database, Map.of());
		after.databases()
			.getOrDefault(database, Map.of())
			.forEach((name, value) -> delta.put(name, value - then.getOrDefault(name, 0L)));
		return delta;
	}

	/** The differences; statements by calls, most first. */
	record Delta(Map<String, Long> ours, Map<String, Long> legacy, long walBytes, List<Statement> ourStatements,
			List<Statement> legacyStatements, long deallocations) {

		long ourCalls() {
			return this.ourStatements.stream().mapToLong(Statement::calls).sum();
		}

		long legacyCalls() {
			return this.legacyStatements.stream().mapToLong(Statement::calls).sum();
		}

		double ourMillis() {
			return this.ourStatements.stream().mapToDouble(Statement::millis).sum();
		}

		/** Calls by verb and table ("insert act_hi_detail"), most first. */
		Map<String, Long> ourKinds() {
			Map<String, Long> kinds = new TreeMap<>();
			this.ourStatements.forEach((s) -> kinds.merge(s.kind(), s.calls(), Long::sum));
			Map<String, Long> sorted = new LinkedHashMap<>();
			kinds.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.forEach((e) -> sorted.put(e.getKey(), e.getValue()));
			return sorted;
		}

		/** Calls by verb (select, insert, update, delete, begin, commit…). */
		Map<String, Long> ourVerbs() {
			Map<String, Long> verbs = new TreeMap<>();
			this.ourStatements.forEach((s) -> verbs.merge(s.verb(), s.calls(), Long::sum));
			return verbs;
		}

	}

}
