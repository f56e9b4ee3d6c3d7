package ru.telecom.crm.directory;

import java.util.Set;

/**
 * A user as the directory knows them.
 *
 * @param id the username (domain login), used as the user id everywhere
 * @param managerId the username of the user's manager, or {@code null}
 * @param groups queues and admin groups: {@code helpdesk}, {@code wg-<code>},
 * {@code camunda-admin}
 */
public record DirectoryUser(String id, String firstName, String lastName, String email, String managerId,
		Set<Role> roles, Set<String> groups) {

	public DirectoryUser {
		roles = Set.copyOf(roles);
		groups = Set.copyOf(groups);
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	/** A Camunda administrator: sees and repairs everything (DESIGN §3). */
	public boolean isAdmin() {
		return this.groups.contains(Directory.ADMIN_GROUP);
	}

}
