package ru.telecom.crm.retention;

import java.time.Instant;

/**
 * Rows of a module that are kept for a while and then go: the module implements it as a
 * bean, the retention module calls it in the nightly window, one batch per transaction,
 * until a batch comes back short.
 */
public interface Purge {

	/**
	 * The name its keeping time is configured under: {@code crm.retention.keep.<name>}.
	 */
	String name();

	/**
	 * Purges at most {@code limit} rows older than {@code cutoff}, in the caller's
	 * transaction.
	 * @return how many rows it purged
	 */
	int purge(Instant cutoff, int limit);

}
