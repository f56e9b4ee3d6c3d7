package ru.telecom.crm.incident.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * Who holds a service request, read-only: the one column of the request module's table
 * that the helpdesk's incident lists need ("opened from a request I own"), so that the
 * list asks it in a subquery instead of passing all of the owners' request ids, which
 * grow with their history. The request module owns and writes the table.
 */
@Entity(name = "IncidentRequestOwner")
@Table(name = "service_request")
@Immutable
class RequestOwner {

	@Id
	private Long id;

	private String assignee;

	protected RequestOwner() {
	}

}
