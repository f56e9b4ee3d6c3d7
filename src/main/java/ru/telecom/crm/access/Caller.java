package ru.telecom.crm.access;

import java.util.Set;

import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.directory.Role;
import ru.telecom.crm.shared.ForbiddenException;

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
		return this.user.isAdmin();
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

	/**
	 * The helpdesk opens requests; so may administrators, who see and repair everything
	 * (DESIGN §3): the request is then theirs, as an agent's would be.
	 */
	public boolean opensRequests() {
		return isHelpdesk() || isAdmin();
	}

	/**
	 * Managers and administrators look over the open work of their scope: the counts and
	 * ages of the console's overview (DESIGN §7).
	 */
	public boolean overseesWork() {
		return isAdmin() || is(Role.HELP_DESK_MANAGER) || is(Role.SL3_MANAGER);
	}

	/**
	 * Where the caller's own work is: an agent's in the requests assigned to them, an
	 * engineer's in the incidents assigned to them; managers and administrators start
	 * from the overview of everything they may see.
	 */
	public Worklist worklist() {
		if (overseesWork()) {
			return Worklist.OVERVIEW;
		}
		if (is(Role.SL3_USER)) {
			return Worklist.OWN_INCIDENTS;
		}
		return is(Role.HELP_DESK_USER) ? Worklist.OWN_REQUESTS : Worklist.EVERYTHING;
	}

	/** Where a caller's own work is ({@link #worklist()}). */
	public enum Worklist {

		/** The requests assigned to the caller. */
		OWN_REQUESTS,
		/** The incidents assigned to the caller. */
		OWN_INCIDENTS,
		/** The counts and ages of the open work the caller may see. */
		OVERVIEW,
		/** Everything the caller may see. */
		EVERYTHING

	}

	/** Only machine clients with the ChannelIntegration role send the ESB's messages. */
	public boolean sendsEsbMessages() {
		return is(Role.CHANNEL_INTEGRATION);
	}

	/**
	 * Refuses (403) a caller who may not read clients and orders, in every door alike.
	 */
	public void requireReadsClients() {
		if (!readsClients()) {
			throw new ForbiddenException("Clients and orders are for staff");
		}
	}

	/**
	 * Refuses (403) a caller who may not use the search across everything: staff only, as
	 * for clients (what it finds of requests and incidents is the caller's scope).
	 */
	public void requireSearches() {
		if (!readsClients()) {
			throw new ForbiddenException("Search is for staff");
		}
	}

	/** Refuses (403) a caller who does not oversee work: the overview is for managers. */
	public void requireOverseesWork() {
		if (!overseesWork()) {
			throw new ForbiddenException("The overview is for managers and administrators");
		}
	}

	/** Refuses (403) a caller who may not create or edit clients and orders. */
	public void requireEditsClients() {
		if (!editsClients()) {
			throw new ForbiddenException("Only the helpdesk creates and edits clients and orders");
		}
	}

}
