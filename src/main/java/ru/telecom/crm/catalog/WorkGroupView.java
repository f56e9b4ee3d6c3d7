package ru.telecom.crm.catalog;

/** A work group: its engineers' queue is the Keycloak group {@code wg-<code>}. */
public record WorkGroupView(long id, int code, String name, String email, String managerId, boolean retired) {

	/** The id of the group whose members work this group's queue. */
	public String groupId() {
		return "wg-" + this.code;
	}

}
