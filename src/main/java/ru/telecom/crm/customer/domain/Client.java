package ru.telecom.crm.customer.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ru.telecom.crm.customer.ClientView;

/**
 * A customer of the operator: a person or, with INN and organisation name, a legal
 * entity.
 */
@Entity
@Table(name = "client")
public class Client {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String lastName;

	private String firstName;

	private String middleName;

	/** E.164, unique. */
	private String phone;

	private String email;

	private String inn;

	private String orgName;

	/** {@code customers.cust_id} in LegacyDB when the client was copied from there. */
	private Long legacyId;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private int version;

	protected Client() {
	}

	Client(PersonName name, String phone, String email, String inn, String orgName, Long legacyId, Instant now) {
		this.lastName = name.last();
		this.firstName = name.first();
		this.middleName = name.middle();
		this.phone = phone;
		this.email = email;
		this.inn = inn;
		this.orgName = orgName;
		this.legacyId = legacyId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Takes what a person edited; everything already checked. */
	void update(PersonName name, String phone, String email, String inn, String orgName, Instant now) {
		this.lastName = name.last();
		this.firstName = name.first();
		this.middleName = name.middle();
		this.phone = phone;
		this.email = email;
		this.inn = inn;
		this.orgName = orgName;
		this.updatedAt = now;
	}

	int getVersion() {
		return this.version;
	}

	/** Records that this client is LegacyDB's customer {@code custId}. */
	void linkToLegacy(long custId, Instant now) {
		if (this.legacyId != null && this.legacyId != custId) {
			throw new IllegalStateException("Client " + this.id + " is already LegacyDB customer " + this.legacyId);
		}
		this.legacyId = custId;
		this.updatedAt = now;
	}

	ClientView view() {
		return new ClientView(this.id, this.lastName, this.firstName, this.middleName, this.phone, this.email, this.inn,
				this.orgName, this.legacyId, this.version);
	}

	public Long getId() {
		return this.id;
	}

	public PersonName getName() {
		return new PersonName(this.lastName, this.firstName, this.middleName);
	}

	public String getPhone() {
		return this.phone;
	}

	public String getEmail() {
		return this.email;
	}

	public String getInn() {
		return this.inn;
	}

	public String getOrgName() {
		return this.orgName;
	}

	public Long getLegacyId() {
		return this.legacyId;
	}

}
