package ru.telecom.crm.status.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ru.telecom.crm.status.ActivityEntry;
import ru.telecom.crm.status.StatusRecorder;

/**
 * A row of {@code activity}: what happened to a request or incident that is not a status
 * change (an assignment, a mail sent).
 */
@Entity
@Table(name = "activity")
public class Activity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant createdAt;

	private String entityType;

	private Long entityId;

	private String kind;

	private String actorId;

	private String details;

	protected Activity() {
	}

	Activity(String entityType, long entityId, String kind, String actorId, String details, Instant now) {
		this.entityType = entityType;
		this.entityId = entityId;
		this.kind = kind;
		this.actorId = actorId;
		this.details = (details != null && details.length() > 4000) ? details.substring(0, 4000) : details;
		this.createdAt = now;
	}

	ActivityEntry entry() {
		return new ActivityEntry(this.id, this.createdAt, StatusRecorder.EntityType.valueOf(this.entityType),
				this.entityId, this.kind, this.actorId, this.details);
	}

}
