package ru.telecom.crm.catalog.domain;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import ru.telecom.crm.catalog.ServiceView;

/**
 * A service of the operator's catalog (Услуга); incidents for it go to its work group.
 */
@Entity
@Table(name = "service")
public class TelecomService {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int code;

	private String name;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "work_group_id")
	private WorkGroup workGroup;

	private Instant retiredAt;

	private Instant createdAt;

	private Instant updatedAt;

	protected TelecomService() {
	}

	TelecomService(int code, String name, WorkGroup workGroup, Instant now) {
		this.code = code;
		this.name = name;
		this.workGroup = workGroup;
		this.createdAt = now;
		this.updatedAt = now;
	}

	boolean update(String name, WorkGroup workGroup, Instant now) {
		boolean changed = !Objects.equals(this.name, name) || !this.workGroup.getId().equals(workGroup.getId())
				|| this.retiredAt != null;
		if (changed) {
			this.name = name;
			this.workGroup = workGroup;
			this.retiredAt = null;
			this.updatedAt = now;
		}
		return changed;
	}

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

	WorkGroup getWorkGroup() {
		return this.workGroup;
	}

	ServiceView view() {
		return new ServiceView(this.id, this.code, this.name, this.workGroup.getId(), this.workGroup.getCode(),
				this.retiredAt != null);
	}

}
