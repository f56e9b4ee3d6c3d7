package ru.telecom.crm.servicerequest.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import ru.telecom.crm.incident.IncidentStatus;

/**
 * An incident as the third line's request lists see it, read-only: which request it was
 * opened from, and who works it. The list asks "behind an incident I may see" in a
 * subquery with the incident module's own conditions
 * ({@link ru.telecom.crm.incident.IncidentSearch.Scope#thirdLineWork}) instead of passing
 * the ids of all of those requests, which grow with history. The incident module owns and
 * writes the table.
 */
@Entity(name = "RequestIncidentLink")
@Table(name = "incident")
@Immutable
class IncidentLink {

	@Id
	private Long id;

	private Long serviceRequestId;

	private String assignee;

	@Enumerated(EnumType.STRING)
	private IncidentStatus status;

	private Long workGroupId;

	protected IncidentLink() {
	}

}
