package ru.telecom.crm.legacy.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * LegacyDB's connection pool, renewed when it could not open a connection at all.
 * <p>
 * Hikari tries again to connect after a backoff that doubles up to 5 s, whatever the
 * pool's connection timeout, for as long as someone is waiting. LegacyDB's timeout is 3
 * s: a pool that had been failing while LegacyDB was down went on failing for up to 5 s
 * after it was back, so that an agent got a 503 and a channel's lookup, retried in that
 * window, waited its next retry (30 s, then a minute) with LegacyDB long back. So a pool
 * that timed out holding no connection is closed and a fresh one takes its place, whose
 * first try is immediate; a pool busy with all its connections is kept.
 */
final class LegacyPool extends AbstractDataSource implements AutoCloseable {

	private final Supplier<HikariDataSource> pools;

	private final AtomicReference<HikariDataSource> current;

	LegacyPool(Supplier<HikariDataSource> pools) {
		this.pools = pools;
		this.current = new AtomicReference<>(pools.get());
	}

	@Override
	public Connection getConnection() throws SQLException {
		HikariDataSource pool = this.current.get();
		try {
			return pool.getConnection();
		}
		catch (SQLTransientConnectionException ex) {
			if (couldNotConnect(pool)) {
				renew(pool);
			}
			throw ex;
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLException("LegacyDB's pool connects as its configured user only");
	}

	@Override
	public void close() {
		this.current.get().close();
	}

	private static boolean couldNotConnect(HikariDataSource pool) {
		HikariPoolMXBean state = pool.getHikariPoolMXBean();
		return state == null || state.getTotalConnections() == 0;
	}

	private void renew(HikariDataSource failed) {
		if (this.current.get() != failed) {
			return;
		}
		HikariDataSource fresh = this.pools.get();
		if (this.current.compareAndSet(failed, fresh)) {
			// closing waits for the failed pool's own connection attempt: not on a
			// caller's thread
			Thread closer = new Thread(failed::close, "legacy-pool-close");
			closer.setDaemon(true);
			closer.start();
		}
		else {
			fresh.close();
		}
	}

}
