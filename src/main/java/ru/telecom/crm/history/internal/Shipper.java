package ru.telecom.crm.history.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import ru.telecom.crm.history.ClickHouseUnavailableException;
import ru.telecom.crm.history.HistorySettings;

/**
 * Sends the outbox to ClickHouse on a thread of its own: woken by each commit that queued
 * rows, and every {@code ship-every} for rows other nodes queued. One batch per
 * transaction, which holds the outbox's advisory lock while it sends (one node ships at a
 * time) and deletes the rows only once ClickHouse has them. Before each insert it asks
 * ClickHouse which of the batch's ids it already holds and sends only the rest: after a
 * timeout the insert may have been stored, and a node that died after sending left its
 * rows behind. While ClickHouse fails, attempts back off, doubling up to
 * {@code max-backoff}.
 */
class Shipper implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Shipper.class);

	private final Outbox outbox;

	private final ClickHouseClient clickHouse;

	private final TransactionTemplate transactions;

	private final HistoryMetrics metrics;

	private final HistorySettings settings;

	private final Clock clock;

	private final Semaphore nudges = new Semaphore(0);

	private volatile Thread thread;

	Shipper(Outbox outbox, ClickHouseClient clickHouse, TransactionTemplate transactions, HistoryMetrics metrics,
			HistorySettings settings, Clock clock) {
		this.outbox = outbox;
		this.clickHouse = clickHouse;
		this.transactions = transactions;
		this.metrics = metrics;
		this.settings = settings;
		this.clock = clock;
	}

	/** Ships soon: a commit queued rows. */
	void nudge() {
		this.nudges.release();
	}

	@Override
	public void start() {
		Thread shipper = new Thread(this::run, "history-shipper");
		shipper.setDaemon(true);
		this.thread = shipper;
		shipper.start();
	}

	@Override
	public void stop() {
		Thread shipper = this.thread;
		this.thread = null;
		if (shipper != null) {
			shipper.interrupt();
			try {
				shipper.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void run() {
		int failures = 0;
		while (this.thread == Thread.currentThread()) {
			try {
				if (failures == 0) {
					this.nudges.tryAcquire(this.settings.shipEvery().toMillis(), TimeUnit.MILLISECONDS);
				}
				else {
					// commits nudge on while ClickHouse is away: they wait too
					TimeUnit.MILLISECONDS.sleep(backoff(failures).toMillis());
				}
				this.nudges.drainPermits();
				// at start, so that the boards find the table before the first row
				this.clickHouse.ensureSchema();
				shipAll();
				if (failures > 0) {
					log.info("History shipping resumed after {} failed attempts", failures);
				}
				failures = 0;
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (ClickHouseUnavailableException ex) {
				failures++;
				this.metrics.failed(ex.reason());
				log.warn("History shipping failed (attempt {}), next in {}: {}", failures, backoff(failures),
						ex.getMessage());
			}
			catch (RuntimeException ex) {
				failures++;
				this.metrics.failed(ex.getClass().getSimpleName());
				log.warn("History shipping failed (attempt {}), next in {}", failures, backoff(failures), ex);
			}
		}
	}

	/** Ships batch after batch until the outbox is empty or another node ships. */
	void shipAll() {
		Batch batch;
		do {
			batch = this.transactions.execute((status) -> shipBatch());
			if (batch == null) {
				return;
			}
			// counted once committed: a batch rolled back is taken again
			Instant now = this.clock.instant();
			batch.rows().forEach((row) -> this.metrics.lag(Duration.between(row.createdAt(), now)));
			this.metrics.shipped(batch.sent());
			this.metrics.alreadyStored(batch.rows().size() - batch.sent());
		}
		while (batch.rows().size() == this.settings.batchSize() && isRunning());
	}

	/**
	 * One batch in the current transaction; none when there is nothing or another node
	 * ships.
	 */
	private Batch shipBatch() {
		if (!this.outbox.lock()) {
			return null;
		}
		List<Outbox.Pending> rows = this.outbox.next(this.settings.batchSize());
		if (rows.isEmpty()) {
			return null;
		}
		List<Long> ids = rows.stream().map(Outbox.Pending::id).toList();
		Set<Long> stored = this.clickHouse.storedAmong(ids);
		List<String> missing = rows.stream()
			.filter((row) -> !stored.contains(row.id()))
			.map(Outbox.Pending::payload)
			.toList();
		if (!missing.isEmpty()) {
			this.clickHouse.insert(missing);
		}
		this.outbox.remove(ids);
		return new Batch(rows, missing.size());
	}

	/** 1, 2, 4 … times {@code ship-every}, at most {@code max-backoff}. */
	Duration backoff(int failures) {
		Duration wait = this.settings.shipEvery().multipliedBy(1L << Math.min(failures - 1, 20));
		return (wait.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : wait;
	}

	/** The rows a batch took out of the outbox, and how many of them it sent. */
	private record Batch(List<Outbox.Pending> rows, int sent) {
	}

}
