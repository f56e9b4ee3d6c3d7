package ru.telecom.crm.status.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ru.telecom.crm.status.StatusEntry;

/** A row of {@code status}: never changed once written. */
@Entity
@Table(name = "status")
public class StatusRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant createdAt;

	private Long serviceRequestId;

	private Long incidentId;

	private String oldStatus;

	private String newStatus;

	private String userId;

	private String actorId;

	protected StatusRecord() {
	}

	StatusRecord(Long serviceRequestId, Long incidentId, String oldStatus, String newStatus, String userId,
			String actorId, Instant now) {
		this.serviceRequestId = serviceRequestId;
		this.incidentId = incidentId;
		this.oldStatus = oldStatus;
		this.newStatus = newStatus;
		this.userId = userId;
		this.actorId = actorId;
		this.createdAt = now;
	}

	StatusEntry entry() {
		return new StatusEntry(this.id, this.createdAt, this.serviceRequestId, this.incidentId, this.oldStatus,
				this.newStatus, this.userId, this.actorId);
	}

}
