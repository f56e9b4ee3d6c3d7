package ru.telecom.crm.api;

import org.springframework.stereotype.Component;

import ru.telecom.crm.access.Access;
import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.access.Caller;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.status.StatusRecorder.EntityType;

/**
 * DESIGN §3 for what hangs off a request or incident (notes, files): whoever may read the
 * item reads them, whoever may change it adds them. Hidden items are "not found",
 * read-only ones refuse additions (403), as the item's own endpoints do.
 */
@Component
class ItemAccess {

	private final AccessPolicy access;

	ItemAccess(AccessPolicy access) {
		this.access = access;
	}

	/** The caller's access to the item, at least READ; 404 when hidden. */
	Access read(Caller caller, EntityType type, long id) {
		return (type == EntityType.SERVICE_REQUEST)
				? this.access.toRequest(caller, this.access.visibleRequest(caller, id))
				: this.access.toIncident(caller, this.access.visibleIncident(caller, id));
	}

	/**
	 * Refuses unless the caller may change the item: 404 when hidden, 403 when read-only.
	 */
	void requireFull(Caller caller, EntityType type, long id) {
		Paging.requireFull(read(caller, type, id),
				(type == EntityType.SERVICE_REQUEST) ? "Service request" : "Incident", id);
	}

	Caller caller(String userId) {
		return this.access.caller(userId);
	}

	/** Whether the caller may read the request (an incident's request, for one). */
	boolean readsRequest(Caller caller, long requestId) {
		try {
			return read(caller, EntityType.SERVICE_REQUEST, requestId) != Access.NONE;
		}
		catch (NotFoundException hidden) {
			return false;
		}
	}

}
