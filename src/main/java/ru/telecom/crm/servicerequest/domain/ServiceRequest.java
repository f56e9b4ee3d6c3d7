package ru.telecom.crm.servicerequest.domain;

import java.time.Instant;

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
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.shared.Priority;

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

	public Long getOrderId() {
		return this.orderId;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public Priority getPriority() {
		return this.priority;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
