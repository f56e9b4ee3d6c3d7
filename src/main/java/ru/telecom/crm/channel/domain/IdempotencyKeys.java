package ru.telecom.crm.channel.domain;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import ru.telecom.crm.retention.Purge;
import ru.telecom.crm.retention.RetentionSettings;

/**
 * The channels' idempotency keys are kept {@code crm.retention.keep.idempotency-keys} (24
 * hours, DESIGN §5); the nightly purge removes older ones.
 */
@Component
class IdempotencyKeys implements Purge {

	static final String NAME = "idempotency-keys";

	private final ReceivedMessageRepository messages;

	private final Duration keepingTime;

	IdempotencyKeys(ReceivedMessageRepository messages, RetentionSettings settings) {
		this.messages = messages;
		this.keepingTime = settings.keep(NAME);
	}

	Duration keepingTime() {
		return this.keepingTime;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public int purge(Instant cutoff, int limit) {
		return this.messages.deleteReceivedBefore(cutoff, limit);
	}

}
