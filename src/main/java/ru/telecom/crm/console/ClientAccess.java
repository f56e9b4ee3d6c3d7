package ru.telecom.crm.console;

import ru.telecom.crm.access.Caller;
import ru.telecom.crm.shared.ForbiddenException;

/** Who works with clients and orders in the console: the same rule as the API's. */
final class ClientAccess {

	private ClientAccess() {
	}

	static void requireReader(Caller caller) {
		if (!caller.readsClients()) {
			throw new ForbiddenException("Clients and orders are for staff");
		}
	}

	static void requireEditor(Caller caller) {
		if (!caller.editsClients()) {
			throw new ForbiddenException("Only the helpdesk creates and edits clients and orders");
		}
	}

}
