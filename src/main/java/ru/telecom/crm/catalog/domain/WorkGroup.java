package ru.telecom.crm.catalog.domain;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ru.telecom.crm.catalog.WorkGroupView;

/** A third-line work group, with its manager (a username) and group email. */
@Entity
@Table(name = "service_group")
public class WorkGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int code;

	private String name;

	private String email;

	private String managerId;

	private Instant retiredAt;

	private Instant createdAt;

	private Instant updatedAt;

	protected WorkGroup() {
	}

	WorkGroup(int code, String name, String email, String managerId, Instant now) {
		this.code = code;
		this.name = name;
		this.email = email;
		this.managerId = managerId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Takes the outside catalog's values; {@code true} when anything changed. */
	boolean update(String name, String email, String managerId, Instant now) {
		boolean changed = !Objects.equals(this.name, name) || !Objects.equals(this.email, email)
				|| !Objects.equals(this.managerId, managerId) || this.retiredAt != null;
		if (changed) {
			this.name = name;
			this.email = email;
			this.managerId = managerId;
			this.retiredAt = null;
			this.updatedAt = now;
		}
		return changed;
	}

	/** No longer in the outside catalog but still referred to: kept, not offered. */
	boolean retire(Instant now) {
		if (this.retiredAt != null) {
			return false;
		}
		this.retiredAt = now;
		this.updatedAt = now;
		return true;
	}

	public Long getId() {
		return this.id;
	}

	public int getCode() {
		return this.code;
	}

	WorkGroupView view() {
		return new WorkGroupView(this.id, this.code, this.name, this.email, this.managerId, this.retiredAt != null);
	}

}
