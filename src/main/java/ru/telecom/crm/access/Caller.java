package ru.telecom.crm.access;

import java.util.Set;

import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.directory.Role;

/**
 * The caller and what their place in the organisation makes visible to them.
 *
 * @param department the users whose manager the caller is
 * @param memberOf the work groups (ids) whose queues the caller works
 * @param manages the work groups (ids) the caller manages
 */
public record Caller(DirectoryUser user, Set<String> department, Set<Long> memberOf, Set<Long> manages) {

	public String id() {
		return this.user.id();
	}

	public boolean is(Role role) {
		return this.user.hasRole(role);
	}

	public boolean isAdmin() {
		return this.user.groups().contains(Directory.ADMIN_GROUP);
	}

	public boolean worksTheHelpdeskQueue() {
		return this.user.groups().contains(Directory.HELPDESK_GROUP);
	}

	public boolean isHelpdesk() {
		return is(Role.HELP_DESK_USER) || is(Role.HELP_DESK_MANAGER);
	}

	public boolean isThirdLine() {
		return is(Role.SL3_USER) || is(Role.SL3_MANAGER);
	}

	/** All staff read clients and orders; machine clients do not. */
	public boolean readsClients() {
		return isHelpdesk() || isThirdLine() || isAdmin();
	}

	/** The helpdesk (and administrators) create and edit clients and orders. */
	public boolean editsClients() {
		return isHelpdesk() || isAdmin();
	}

}
