package ru.telecom.crm.history.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The {@code history_outbox} table: rows written in the caller's transaction, read and
 * deleted by the shipper. Plain JDBC on the app's data source, so that it joins the
 * transaction the JPA transaction manager holds.
 */
class Outbox {

	/** The advisory lock the shipper holds per batch: "crm-hist" in ASCII. */
	static final long LOCK = 0x63726d2d68697374L;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final boolean postgres;

	Outbox(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.named = new NamedParameterJdbcTemplate(this.jdbc);
		this.postgres = isPostgres(dataSource);
	}

	/** Queues one row: one INSERT in the caller's transaction. */
	void add(HistoryEvent event, Instant now) {
		this.jdbc.update("insert into history_outbox (id, created_at, payload) values (?, ?, ?)", event.eventId(),
				Timestamp.from(now), event.json());
	}

	/** Queues the rows the outbox does not have yet; how many it queued. */
	int addMissing(List<HistoryEvent> events, Instant now) {
		if (events.isEmpty()) {
			return 0;
		}
		Set<Long> queued = pendingAmong(events.stream().map(HistoryEvent::eventId).toList());
		List<Object[]> rows = events.stream()
			.filter((event) -> !queued.contains(event.eventId()))
			.map((event) -> new Object[] { event.eventId(), Timestamp.from(now), event.json() })
			.toList();
		this.jdbc.batchUpdate("insert into history_outbox (id, created_at, payload) values (?, ?, ?)", rows);
		return rows.size();
	}

	/**
	 * Whether this transaction may ship: on PostgreSQL it takes a transaction-level
	 * advisory lock, so that one node ships at a time (a node that dies lets go with its
	 * transaction); H2, the embedded default, is one node and needs none.
	 */
	boolean lock() {
		return !this.postgres || Boolean.TRUE
			.equals(this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK));
	}

	/** The oldest queued rows, at most {@code limit}. */
	List<Pending> next(int limit) {
		return this.jdbc.query("select id, created_at, payload from history_outbox order by id limit ?",
				(rs, row) -> new Pending(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
						rs.getString("payload")),
				limit);
	}

	void remove(Collection<Long> ids) {
		if (!ids.isEmpty()) {
			this.named.update("delete from history_outbox where id in (:ids)", new MapSqlParameterSource("ids", ids));
		}
	}

	long pending() {
		Long count = this.jdbc.queryForObject("select count(*) from history_outbox", Long.class);
		return (count != null) ? count : 0;
	}

	Set<Long> pendingAmong(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.named.queryForList("select id from history_outbox where id in (:ids)",
				new MapSqlParameterSource("ids", ids), Long.class));
	}

	private static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource,
					(metaData) -> metaData.getDatabaseProductName());
			return "PostgreSQL".equalsIgnoreCase(product);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("The database's product name could not be read", ex);
		}
	}

	/** A queued row: its event id, when it was queued, its JSON line. */
	record Pending(long id, Instant createdAt, String payload) {
	}

}
