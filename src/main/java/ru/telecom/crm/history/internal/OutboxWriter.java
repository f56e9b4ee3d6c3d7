package ru.telecom.crm.history.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;

import ru.telecom.crm.shared.AfterCommit;
import ru.telecom.crm.status.ActivityRecorded;
import ru.telecom.crm.status.StatusRecorded;

/**
 * Queues each status and activity row in the transaction that wrote it (the status module
 * publishes before commit), and wakes the shipper once that transaction commits. A bean
 * only while ClickHouse is configured.
 */
class OutboxWriter {

	private final HistoryEvents events;

	private final Outbox outbox;

	private final Shipper shipper;

	private final Clock clock;

	OutboxWriter(HistoryEvents events, Outbox outbox, Shipper shipper, Clock clock) {
		this.events = events;
		this.outbox = outbox;
		this.shipper = shipper;
		this.clock = clock;
	}

	@EventListener
	void on(StatusRecorded recorded) {
		queue(this.events.ofStatus(recorded.entry()));
	}

	@EventListener
	void on(ActivityRecorded recorded) {
		queue(this.events.ofActivity(recorded.entry()));
	}

	private void queue(HistoryEvent event) {
		this.outbox.add(event, this.clock.instant());
		AfterCommit.run(this.shipper::nudge);
	}

}
