package ru.telecom.crm.sla;

import java.util.Locale;
import java.util.Objects;

/**
 * One level of a policy's escalation chain, written {@code LEVEL} or, for a level with
 * its own address, {@code LEVEL:address} ({@code HEAD_OF_SUPPORT:head@telecom.example}).
 *
 * @param address the mail address of a {@link EscalationLevel#needsAddress() level that
 * names one}, else {@code null}
 */
public record Escalation(EscalationLevel level, String address) {

	public Escalation {
		Objects.requireNonNull(level, "level");
		if (level.needsAddress() != (address != null && !address.isBlank())) {
			throw new IllegalArgumentException(
					level.needsAddress() ? level + " needs an address, as " + level + ":someone@example.com"
							: level + " takes no address: it is a person of the incident");
		}
		address = (address != null) ? address.strip() : null;
	}

	/**
	 * From {@code LEVEL} or {@code LEVEL:address}.
	 * @throws IllegalArgumentException for an unknown level or a wrong address part
	 */
	public static Escalation parse(String text) {
		String value = (text != null) ? text.strip() : "";
		int colon = value.indexOf(':');
		String name = ((colon < 0) ? value : value.substring(0, colon)).strip().toUpperCase(Locale.ROOT);
		EscalationLevel level;
		try {
			level = EscalationLevel.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a level: ENGINEER, GROUP_MANAGER, "
					+ "AGENT_MANAGER or HEAD_OF_SUPPORT:address");
		}
		return new Escalation(level, (colon < 0) ? null : value.substring(colon + 1));
	}

	@Override
	public String toString() {
		return (this.address != null) ? this.level + ":" + this.address : this.level.name();
	}

}
