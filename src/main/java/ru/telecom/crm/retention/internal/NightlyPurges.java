package ru.telecom.crm.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.telecom.crm.retention.Purge;
import ru.telecom.crm.retention.RetentionSettings;

/**
 * Runs every {@link Purge} in the nightly window: one batch per transaction, so that a
 * purge never holds many row locks for long. Each batch first takes a PostgreSQL
 * transaction-level advisory lock; while one node purges, another's attempt fails and it
 * leaves the night's work to the first (a node that dies lets go of the lock with its
 * transaction). H2, the embedded default, is one node and needs no lock.
 */
@Component
class NightlyPurges {

	private static final Logger log = LoggerFactory.getLogger(NightlyPurges.class);

	/** The advisory lock's key: "crm-purg" in ASCII. */
	static final long LOCK = 0x63726d2d70757267L;

	private final List<Purge> purges;

	private final RetentionSettings settings;

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final boolean postgres;

	NightlyPurges(List<Purge> purges, RetentionSettings settings, PlatformTransactionManager transactionManager,
			DataSource dataSource, Clock clock) {
		this.purges = List.copyOf(purges);
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = new JdbcTemplate(dataSource);
		this.clock = clock;
		this.postgres = isPostgres(dataSource);
		purges.forEach((purge) -> settings.keep(purge.name()));
	}

	@Scheduled(fixedDelayString = "${crm.retention.check-every:10m}",
			initialDelayString = "${crm.retention.check-every:10m}")
	void whenTheWindowIsOpen() {
		if (windowOpen()) {
			purgeExpired(this.settings.batchSize(), this::windowOpen);
		}
	}

	/**
	 * Purges what is past its keeping time, batch by batch, until nothing is left,
	 * {@code goOn} says stop (the window closed) or another node holds the lock.
	 */
	List<Purged> purgeExpired(int batchSize, BooleanSupplier goOn) {
		Instant now = this.clock.instant();
		List<Purged> done = new ArrayList<>();
		for (Purge purge : this.purges) {
			Instant cutoff = now.minus(this.settings.keep(purge.name()));
			long rows = 0;
			int batches = 0;
			while (true) {
				Integer purged = this.transactions
					.execute((status) -> locked() ? purge.purge(cutoff, batchSize) : null);
				if (purged == null) {
					log.info("Another node is purging; this one leaves it the night's work");
					done.add(new Purged(purge.name(), rows, batches, false));
					return done;
				}
				rows += purged;
				batches++;
				if (purged < batchSize) {
					break;
				}
				if (!goOn.getAsBoolean()) {
					log.info("The retention window closed while purging {}", purge.name());
					done.add(new Purged(purge.name(), rows, batches, false));
					return done;
				}
			}
			if (rows > 0) {
				log.info("Purged {} rows of {} older than {} in {} batches", rows, purge.name(), cutoff, batches);
			}
			done.add(new Purged(purge.name(), rows, batches, true));
		}
		return done;
	}

	private boolean windowOpen() {
		return this.settings.inWindow(LocalTime.now(this.clock));
	}

	private boolean locked() {
		return !this.postgres || Boolean.TRUE
			.equals(this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK));
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

	/**
	 * What one purge did.
	 *
	 * @param complete whether it got to the end (not stopped by the window or another
	 * node)
	 */
	record Purged(String name, long rows, int batches, boolean complete) {
	}

}
