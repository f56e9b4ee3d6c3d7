package ru.telecom.crm.customer.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ru.telecom.crm.customer.OrderView;

/** An order of a client, named by a unique order code. */
@Entity
@Table(name = "client_order")
public class ClientOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	/** Money: never a float; empty while an order created at intake has no price yet. */
	private BigDecimal price;

	private LocalDate createdOn;

	private Long clientId;

	private String legacyOrderNo;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private int version;

	protected ClientOrder() {
	}

	ClientOrder(String code, String name, BigDecimal price, LocalDate createdOn, long clientId, String legacyOrderNo,
			Instant now) {
		this.code = code;
		this.name = name;
		this.price = price;
		this.createdOn = createdOn;
		this.clientId = clientId;
		this.legacyOrderNo = legacyOrderNo;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public boolean belongsTo(Client client) {
		return this.clientId.equals(client.getId());
	}

	OrderView view() {
		return new OrderView(this.id, this.code, this.name, this.price, this.createdOn, this.clientId);
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public LocalDate getCreatedOn() {
		return this.createdOn;
	}

	public Long getClientId() {
		return this.clientId;
	}

	public String getLegacyOrderNo() {
		return this.legacyOrderNo;
	}

}
