package ru.telecom.crm.history;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the history goes and how it is shipped.
 *
 * @param clickhouse the server; the history is off while its URL is empty
 * @param batchSize outbox rows per insert
 * @param shipEvery how often a node looks for rows other nodes' commits left (its own
 * commits wake it at once)
 * @param maxBackoff the longest wait between attempts while ClickHouse fails
 * @param reconciliationDays how many days, today included, the reconciliation compares
 * @param reconcileEvery how often the reconciliation runs (its first run a minute after
 * start)
 */
@ConfigurationProperties("crm.history")
public record HistorySettings(@DefaultValue ClickHouse clickhouse, @DefaultValue("1000") int batchSize,
		@DefaultValue("1s") Duration shipEvery, @DefaultValue("30s") Duration maxBackoff,
		@DefaultValue("7") int reconciliationDays, @DefaultValue("24h") Duration reconcileEvery) {

	public HistorySettings {
		if (batchSize < 1) {
			throw new IllegalArgumentException("crm.history.batch-size must be at least 1");
		}
		if (reconciliationDays < 1) {
			throw new IllegalArgumentException("crm.history.reconciliation-days must be at least 1");
		}
	}

	/**
	 * ClickHouse's HTTP interface.
	 *
	 * @param url e.g. {@code http://clickhouse:8123}; empty: the history is off
	 * @param user sent as {@code X-ClickHouse-User}; empty: the server's default user
	 * @param password sent as {@code X-ClickHouse-Key}
	 * @param timeout for connecting and for each request; a request that takes longer
	 * counts as failed, and the next attempt asks what ClickHouse stored
	 */
	public record ClickHouse(@DefaultValue("") String url, @DefaultValue("") String user,
			@DefaultValue("") String password, @DefaultValue("10s") Duration timeout) {

		public boolean configured() {
			return this.url != null && !this.url.isBlank();
		}

	}

}
