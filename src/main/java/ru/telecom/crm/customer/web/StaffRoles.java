package ru.telecom.crm.customer.web;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.Role;
import ru.telecom.crm.shared.ForbiddenException;

/**
 * Who works with clients and orders: all staff read them, the helpdesk (and
 * administrators) create and edit them. Machine clients do neither.
 */
final class StaffRoles {

	private static final Set<String> READERS = Set.of(Role.HELP_DESK_USER.authority(),
			Role.HELP_DESK_MANAGER.authority(), Role.SL3_USER.authority(), Role.SL3_MANAGER.authority(),
			Directory.groupAuthority(Directory.ADMIN_GROUP));

	private static final Set<String> EDITORS = Set.of(Role.HELP_DESK_USER.authority(),
			Role.HELP_DESK_MANAGER.authority(), Directory.groupAuthority(Directory.ADMIN_GROUP));

	private StaffRoles() {
	}

	static void requireReader(Authentication caller) {
		require(caller, READERS, "Clients and orders are for staff");
	}

	static void requireEditor(Authentication caller) {
		require(caller, EDITORS, "Only the helpdesk creates and edits clients and orders");
	}

	private static void require(Authentication caller, Set<String> allowed, String message) {
		boolean allowedRole = caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(allowed::contains);
		if (!allowedRole) {
			throw new ForbiddenException(message);
		}
	}

}
