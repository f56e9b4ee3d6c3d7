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

import ru.telecom.crm.incident.IncidentLifecycle;
import ru.telecom.crm.incident.IncidentProcess.Decision;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.shared.IllegalTransitionException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.PriorityChange;
import ru.telecom.crm.sla.SlaReading;

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

	private Instant responseDueAt;

	private Instant resolutionDueAt;

	private Instant responseBreachedAt;

	private Instant resolutionBreachedAt;

	private boolean slaPaused;

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

	/**
	 * Gives the incident to an engineer: {@code NEW → ASSIGNED}, or a reassignment that
	 * keeps the status.
	 * @return the status before
	 */
	IncidentStatus assignTo(String engineer) {
		requireOpen("be assigned");
		IncidentStatus old = this.status;
		if (this.status == IncidentStatus.NEW) {
			moveTo(Decision.ASSIGN, IncidentStatus.ASSIGNED);
		}
		this.assignee = engineer;
		return old;
	}

	/** {@code ASSIGNED → NEW}: back to the group's queue. */
	IncidentStatus unassign() {
		IncidentStatus old = moveTo(Decision.RETURN, IncidentStatus.NEW);
		this.assignee = null;
		return old;
	}

	/** {@code ASSIGNED → INWORK}. */
	IncidentStatus startWork() {
		return moveTo(Decision.START, IncidentStatus.INWORK);
	}

	/** {@code INWORK → ON_HOLD}, waiting for the customer or a third party. */
	IncidentStatus hold(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("holdReason", "say what the incident waits for");
		}
		IncidentStatus old = moveTo(Decision.HOLD, IncidentStatus.ON_HOLD);
		this.holdReason = reason.strip();
		return old;
	}

	/** {@code ON_HOLD → INWORK}. */
	IncidentStatus resume() {
		IncidentStatus old = moveTo(Decision.RESUME, IncidentStatus.INWORK);
		this.holdReason = null;
		return old;
	}

	/**
	 * {@code INWORK or ON_HOLD → CLOSED}, with the business process narrative written.
	 */
	IncidentStatus close(String narrative, Instant now) {
		if (narrative == null || narrative.isBlank()) {
			throw new InvalidInputException("narrative", "write the narrative before closing the incident");
		}
		IncidentStatus old = moveTo(Decision.CLOSE, IncidentStatus.CLOSED);
		this.narrative = narrative.strip();
		this.holdReason = null;
		this.closedAt = now;
		return old;
	}

	/**
	 * Lets go of its request, which closes; the incident goes on and keeps its origin.
	 */
	void unlink(Instant now) {
		requireOpen("be unlinked");
		if (this.unlinkedAt != null) {
			throw new IllegalTransitionException("Incident " + this.id + " is already unlinked from its request");
		}
		this.unlinkedAt = now;
	}

	/**
	 * Takes the new priority; a closed incident keeps the one it closed with, and the
	 * priority it already has is refused as a repeated change.
	 * @return the priority before
	 */
	Priority changePriority(PriorityChange change) {
		requireOpen("change its priority");
		change.requireChangeFrom(this.priority, "Incident " + this.id);
		Priority old = this.priority;
		this.priority = change.priority();
		return old;
	}

	/**
	 * Takes the due instants of its clocks as read now; {@code null} when it has no
	 * service level. The breaches are the clock process's to record.
	 */
	void readClocks(SlaReading reading) {
		this.responseDueAt = (reading != null) ? reading.response().dueAt() : null;
		this.resolutionDueAt = (reading != null) ? reading.resolution().dueAt() : null;
		this.slaPaused = reading != null && reading.resolution().paused();
	}

	void attachToProcess(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	private void requireOpen(String action) {
		if (this.status == IncidentStatus.CLOSED) {
			throw new IllegalTransitionException("Incident " + this.id + " is CLOSED and cannot " + action);
		}
	}

	/** A step of the lifecycle's table taken with that decision, or refused. */
	private IncidentStatus moveTo(Decision decision, IncidentStatus target) {
		if (!IncidentLifecycle.isStep(this.status, decision, target)) {
			throw new IllegalTransitionException("Incident", this.id, this.status, target);
		}
		IncidentStatus old = this.status;
		this.status = target;
		return old;
	}

	IncidentView view() {
		return new IncidentView(this.id, this.createdAt, this.createdBy, this.assignee, this.narrative, this.serviceId,
				this.workGroupId, this.priority, this.holdReason, this.serviceRequestId, this.clientId, this.unlinkedAt,
				this.status, this.closedAt, this.processInstanceId, this.responseDueAt, this.resolutionDueAt,
				this.responseBreachedAt, this.resolutionBreachedAt, this.slaPaused);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
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

	public Priority getPriority() {
		return this.priority;
	}

	public Long getWorkGroupId() {
		return this.workGroupId;
	}

	public Long getServiceRequestId() {
		return this.serviceRequestId;
	}

}
