package ru.telecom.crm.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An order a search found: ours, or LegacyDB's not copied yet.
 *
 * @param id ours; {@code null} for a LEGACY hit until it is imported
 * @param legacyId LegacyDB's {@code order_no}, when the order is (or was copied from) a
 * LegacyDB order
 * @param clientId our client's id; {@code null} for a LEGACY hit
 * @param legacyClientId LegacyDB's {@code cust_id} of its customer, for a LEGACY hit
 */
public record OrderHit(
		@Schema(description = "OURS (in our database) or LEGACY (only in LegacyDB, "
				+ "no id of ours until imported: POST /api/orders/legacy/{code})") HitSource source,
		@Schema(description = "Our id; null for a LEGACY hit", nullable = true) Long id,
		@Schema(description = "LegacyDB's order number, when the order is or was a LegacyDB order",
				nullable = true) String legacyId,
		String code, String name, BigDecimal price, LocalDate createdOn,
		@Schema(description = "Our client's id; null for a LEGACY hit", nullable = true) Long clientId,
		@Schema(description = "LegacyDB's customer id of a LEGACY hit", nullable = true) Long legacyClientId) {

	@JsonIgnore
	public boolean isLegacy() {
		return this.source == HitSource.LEGACY;
	}

}
