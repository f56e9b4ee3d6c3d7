package ru.telecom.crm.customer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

import ru.telecom.crm.legacy.LegacyUnavailableException;

/**
 * One page of a client or order search: ours first, then LegacyDB's not copied yet.
 *
 * @param legacyAvailable whether LegacyDB answered; when false the page holds our hits
 * only
 */
@Schema(description = "A page of hits: ours first (by name, or by code), then LegacyDB's (by LegacyDB's id), "
		+ "LegacyDB's without those already copied (same legacy id) or already ours (same phone, same order code). "
		+ "page and size count over both parts; LegacyDB's part holds at most its first 200 matches.")
public record HitPage<T>(List<T> items, int page, int size,
		@Schema(description = "Our hits plus LegacyDB's; when totalExact is false, at least this many") long total,
		@Schema(description = "False when LegacyDB has more than 200 matches or did not answer") boolean totalExact,
		@Schema(description = "False when LegacyDB did not answer: the page then holds our hits only "
				+ "(when we have none the answer is 503 instead)") boolean legacyAvailable) {

	/**
	 * This page, or LegacyDB's outage when it holds nothing: an empty page would read as
	 * "no such client" and invite a duplicate.
	 * @throws LegacyUnavailableException when LegacyDB did not answer and we have no hit
	 */
	public HitPage<T> answered() {
		if (!this.legacyAvailable && this.total == 0) {
			throw new LegacyUnavailableException(null);
		}
		return this;
	}

	@JsonIgnore
	public boolean isEmpty() {
		return this.items.isEmpty();
	}

	@JsonIgnore
	public int totalPages() {
		return (this.size == 0) ? 0 : (int) ((this.total + this.size - 1) / this.size);
	}

	@JsonIgnore
	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

	@JsonIgnore
	public boolean hasPrevious() {
		return this.page > 0;
	}

}
