package ru.telecom.crm.directory;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles of DESIGN §3, by the names Keycloak gives them. */
public enum Role {

	/** A first-line agent: full access to own requests. */
	HELP_DESK_USER("HelpDeskUser"),
	/** Heads the agents whose manager id is theirs. */
	HELP_DESK_MANAGER("HelpDeskManager"),
	/**
	 * A third-line engineer: full access to own incidents, claims from the group queue.
	 */
	SL3_USER("SL3User"),
	/** Heads a work group and the engineers whose manager id is theirs. */
	SL3_MANAGER("SL3Manager"),
	/** A machine client of the ESB channel. */
	CHANNEL_INTEGRATION("ChannelIntegration");

	private static final String ROLE_PREFIX = "ROLE_";

	private final String roleName;

	Role(String roleName) {
		this.roleName = roleName;
	}

	/**
	 * The name in Keycloak, and the id of the role's group in Camunda's identity store.
	 */
	public String roleName() {
		return this.roleName;
	}

	/** The authority Spring Security gives a user of the role: {@code ROLE_<name>}. */
	public String authority() {
		return ROLE_PREFIX + this.roleName;
	}

	/** The role an authority names, if it names one. */
	public static Optional<Role> ofAuthority(String authority) {
		return authority.startsWith(ROLE_PREFIX) ? byName(authority.substring(ROLE_PREFIX.length())) : Optional.empty();
	}

	public static Optional<Role> byName(String name) {
		return Arrays.stream(values()).filter((role) -> role.roleName.equals(name)).findFirst();
	}

}
