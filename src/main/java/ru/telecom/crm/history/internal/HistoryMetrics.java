package ru.telecom.crm.history.internal;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import ru.telecom.crm.history.HistoryExport.DayCount;

/**
 * The history's metrics ({@code crm_history_*} in Prometheus): how many rows wait, how
 * many went, how often ClickHouse failed, how late the rows arrive, and what the last
 * reconciliation found.
 */
class HistoryMetrics {

	private final MeterRegistry registry;

	private final Counter shipped;

	private final Counter alreadyStored;

	private final Timer lag;

	private final MultiGauge reconciliation;

	HistoryMetrics(MeterRegistry registry, Outbox outbox) {
		this.registry = registry;
		// read at scrape time: every node reports the one outbox
		Gauge.builder("crm.history.outbox.pending", outbox, Outbox::pending)
			.description("History rows queued in the outbox, not yet in ClickHouse")
			.register(registry);
		this.shipped = Counter.builder("crm.history.shipped")
			.description("History rows this node inserted into ClickHouse")
			.register(registry);
		this.alreadyStored = Counter.builder("crm.history.already.stored")
			.description("Queued rows ClickHouse already held (a replayed or backfilled row), not sent again")
			.register(registry);
		this.lag = Timer.builder("crm.history.shipping.lag")
			.description("From a row's queueing to ClickHouse holding it")
			.publishPercentiles(0.99)
			.publishPercentileHistogram()
			.serviceLevelObjectives(Duration.ofSeconds(10))
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(registry);
		// the usual kinds exist from the start, so that a rate over them has a baseline
		List.of("timeout", "connection", "http").forEach((reason) -> failures(reason));
		this.reconciliation = MultiGauge.builder("crm.history.reconciliation.difference")
			.description("Rows in our database minus distinct events in ClickHouse, per day (UTC)")
			.register(registry);
	}

	void shipped(int rows) {
		this.shipped.increment(rows);
	}

	void alreadyStored(int rows) {
		this.alreadyStored.increment(rows);
	}

	void lag(Duration lag) {
		this.lag.record(lag);
	}

	/** A failed attempt, by kind: timeout, connection, http, or the exception's name. */
	void failed(String reason) {
		failures(reason).increment();
	}

	private Counter failures(String reason) {
		return Counter.builder("crm.history.failures")
			.description("Failed attempts to ship history rows to ClickHouse")
			.tag("reason", reason)
			.register(this.registry);
	}

	/** The days of the last reconciliation, replacing the ones before. */
	void reconciled(List<DayCount> days) {
		this.reconciliation.register(days.stream()
			.map((day) -> MultiGauge.Row.of(Tags.of("day", day.day().toString()), day.difference()))
			.toList(), true);
	}

}
