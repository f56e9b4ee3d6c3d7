package ru.telecom.crm.channel.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A channel message as received: who sent it, its key, a hash of what it said. */
@Entity
@Table(name = "channel_message")
class ReceivedMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String channel;

	private String caller;

	private String idempotencyKey;

	private String payloadHash;

	private Instant receivedAt;

	private Long serviceRequestId;

	protected ReceivedMessage() {
	}

	ReceivedMessage(String channel, String caller, String idempotencyKey, String payloadHash, Instant receivedAt) {
		this.channel = channel;
		this.caller = caller;
		this.idempotencyKey = idempotencyKey;
		this.payloadHash = payloadHash;
		this.receivedAt = receivedAt;
	}

	void opened(Long serviceRequestId) {
		this.serviceRequestId = serviceRequestId;
	}

	boolean receivedBefore(Instant cutoff) {
		return this.receivedAt.isBefore(cutoff);
	}

	Long getId() {
		return this.id;
	}

	String getPayloadHash() {
		return this.payloadHash;
	}

	Long getServiceRequestId() {
		return this.serviceRequestId;
	}

}
