package ru.telecom.crm.incident.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.shared.Priority;

/** An incident (инцидент): third-line work for one service, opened from one request. */
@Entity
@Table(name = "incident")
public class Incident {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant createdAt;

	private String createdBy;

	/** The SL3User working it; empty while it waits in its work group's queue. */
	private String assignee;

	/** The business process narrative, written by the engineer. */
	private String narrative;

	private Long serviceId;

	/** The group it was routed to, kept even when the catalog moves the service. */
	private Long workGroupId;

	@Enumerated(EnumType.STRING)
	private Priority priority;

	private String holdReason;

	/** Its origin request, kept after an unlink. */
	private Long serviceRequestId;

	private Long clientId;

	private Instant unlinkedAt;

	@Enumerated(EnumType.STRING)
	private IncidentStatus status;

	private Instant closedAt;

	private String processInstanceId;

	@Version
	private int version;

	protected Incident() {
	}

	Incident(long serviceRequestId, long clientId, long serviceId, long workGroupId, Priority priority,
			String createdBy, Instant now) {
		this.serviceRequestId = serviceRequestId;
		this.clientId = clientId;
		this.serviceId = serviceId;
		this.workGroupId = workGroupId;
		this.priority = priority;
		this.createdBy = createdBy;
		this.status = IncidentStatus.NEW;
		this.createdAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public IncidentStatus getStatus() {
		return this.status;
	}

	public String getAssignee() {
		return this.assignee;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public Long getWorkGroupId() {
		return this.workGroupId;
	}

	public Long getServiceRequestId() {
		return this.serviceRequestId;
	}

}
