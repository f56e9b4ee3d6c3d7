package ru.telecom.crm.incident.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * When an incident's status changed, read-only: the columns of the status module's table
 * that the overview's on-hold list needs ("on hold since its last change"), asked in a
 * subquery over the (incident, time) index instead of one history read per incident. The
 * status module owns and writes the table.
 */
@Entity(name = "IncidentStatusChange")
@Table(name = "status")
@Immutable
class StatusChange {

	@Id
	private Long id;

	private Long incidentId;

	private Instant createdAt;

	protected StatusChange() {
	}

}
