package ru.telecom.crm.status.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

}
