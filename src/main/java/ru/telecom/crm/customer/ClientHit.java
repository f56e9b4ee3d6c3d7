package ru.telecom.crm.customer;

import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A client a search found: ours, or LegacyDB's customer not copied yet.
 *
 * @param id ours; {@code null} for a LEGACY hit until it is imported
 * @param legacyId LegacyDB's {@code cust_id}, when the client is (or was copied from) a
 * LegacyDB customer
 * @param version ours, for an edit; {@code null} for a LEGACY hit
 */
public record ClientHit(
		@Schema(description = "OURS (in our database) or LEGACY (only in LegacyDB, "
				+ "no id of ours until imported: POST /api/clients/legacy/{legacyId})") HitSource source,
		@Schema(description = "Our id; null for a LEGACY hit", nullable = true) Long id,
		@Schema(description = "LegacyDB's customer id, when the client is or was a LegacyDB customer",
				nullable = true) Long legacyId,
		String lastName, String firstName, String middleName,
		@Schema(description = "E.164 for ours; as LegacyDB writes it for a LEGACY hit") String phone, String email,
		String inn, String orgName, @Schema(nullable = true) Integer version) {

	public static ClientHit of(ClientView client) {
		return new ClientHit(HitSource.OURS, client.id(), client.legacyId(), client.lastName(), client.firstName(),
				client.middleName(), client.phone(), client.email(), client.inn(), client.orgName(), client.version());
	}

	/** "Last First Middle", or the organisation, or the phone. */
	@JsonIgnore
	public String displayName() {
		String name = String.join(" ",
				Stream.of(this.lastName, this.firstName, this.middleName).filter(Objects::nonNull).toList());
		if (!name.isBlank()) {
			return name;
		}
		return (this.orgName != null) ? this.orgName : this.phone;
	}

	@JsonIgnore
	public boolean isLegacy() {
		return this.source == HitSource.LEGACY;
	}

}
