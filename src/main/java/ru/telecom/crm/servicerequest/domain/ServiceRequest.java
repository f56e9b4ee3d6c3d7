package ru.telecom.crm.servicerequest.domain;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.CloseReason;
import ru.telecom.crm.servicerequest.RequestLifecycle;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.IllegalTransitionException;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.PriorityChange;

/** A customer's service request (обращение). */
@Entity
@Table(name = "service_request")
public class ServiceRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant createdAt;

	private String createdBy;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	@Enumerated(EnumType.STRING)
	private Priority priority;

	private String description;

	/** The HelpDeskUser working it; empty while it waits in the helpdesk queue. */
	private String assignee;

	private Long clientId;

	private Long orderId;

	@Enumerated(EnumType.STRING)
	private RequestStatus status;

	@Enumerated(EnumType.STRING)
	private CloseReason closeReason;

	private Instant closedAt;

	/** What an unattended channel sent, as it came. */
	private String rawMessage;

	private String processInstanceId;

	@Version
	private int version;

	protected ServiceRequest() {
	}

	ServiceRequest(Channel channel, Priority priority, String description, String createdBy, String assignee,
			Long clientId, Long orderId, String rawMessage, Instant now) {
		this.channel = channel;
		this.priority = priority;
		this.description = description;
		this.createdBy = createdBy;
		this.assignee = assignee;
		this.clientId = clientId;
		this.orderId = orderId;
		this.rawMessage = rawMessage;
		this.status = RequestStatus.NEW;
		this.createdAt = now;
	}

	/** Binds the client and order of a request whose caller was identified later. */
	void bind(long clientId, long orderId) {
		if (this.status != RequestStatus.NEW || this.clientId != null) {
			throw new IllegalTransitionException(
					"Service request " + this.id + " already has its client, or is no longer NEW");
		}
		this.clientId = clientId;
		this.orderId = orderId;
	}

	/** Gives the request to an agent; {@code true} when the assignee changed. */
	boolean assignTo(String agent) {
		if (this.status == RequestStatus.CLOSED) {
			throw new IllegalTransitionException("Service request " + this.id + " is CLOSED and cannot be reassigned");
		}
		if (Objects.equals(this.assignee, agent)) {
			return false;
		}
		this.assignee = agent;
		return true;
	}

	/** {@code NEW → IN_PROGRESS}: an incident was opened for it. */
	RequestStatus markInProgress() {
		if (this.clientId == null) {
			throw new IllegalTransitionException(
					"Service request " + this.id + " has no identified client; identify the caller first");
		}
		return moveTo(RequestStatus.IN_PROGRESS, null);
	}

	/**
	 * {@code → CLOSED} with the reason: the lifecycle's table says from where (without an
	 * incident only from {@code NEW}, because of its incident only from
	 * {@code IN_PROGRESS}).
	 */
	RequestStatus close(CloseReason reason, Instant now) {
		RequestStatus old = moveTo(RequestStatus.CLOSED, reason);
		this.closeReason = reason;
		this.closedAt = now;
		return old;
	}

	/**
	 * Takes the new priority; a closed request keeps the one it closed with, and the
	 * priority it already has is refused as a repeated change.
	 * @return the priority before
	 */
	Priority changePriority(PriorityChange change) {
		if (this.status == RequestStatus.CLOSED) {
			throw new IllegalTransitionException(
					"Service request " + this.id + " is CLOSED and its priority cannot change");
		}
		change.requireChangeFrom(this.priority, "Service request " + this.id);
		Priority old = this.priority;
		this.priority = change.priority();
		return old;
	}

	void attachToProcess(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/** A transition of the lifecycle's table, or refused. */
	private RequestStatus moveTo(RequestStatus target, CloseReason reason) {
		if (RequestLifecycle.find(this.status, target, reason).isEmpty()) {
			throw new IllegalTransitionException("Service request", this.id, this.status, target);
		}
		RequestStatus old = this.status;
		this.status = target;
		return old;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public RequestStatus getStatus() {
		return this.status;
	}

	public String getAssignee() {
		return this.assignee;
	}

	public Long getClientId() {
		return this.clientId;
	}

	ServiceRequestView view() {
		return new ServiceRequestView(this.id, this.createdAt, this.createdBy, this.channel, this.priority,
				this.description, this.assignee, this.clientId, this.orderId, this.status, this.closeReason,
				this.closedAt, this.rawMessage, this.processInstanceId);
	}

}
