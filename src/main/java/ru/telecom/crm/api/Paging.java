package ru.telecom.crm.api;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import ru.telecom.crm.access.Access;

import ru.telecom.crm.shared.ForbiddenException;
import ru.telecom.crm.shared.ListOrder;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.PageResponse;

/** Small helpers the controllers share. */
public final class Paging {

	private Paging() {
	}

	/** A page of the caller's choosing, newest first. */
	public static Pageable page(int page, int size) {
		return page(page, size, false);
	}

	/** A page of the caller's choosing, by creation: newest first, or oldest first. */
	public static Pageable page(int page, int size, boolean oldestFirst) {
		Sort.Direction direction = oldestFirst ? Sort.Direction.ASC : Sort.Direction.DESC;
		return PageResponse.request(page, size,
				Sort.by(new Sort.Order(direction, "createdAt"), new Sort.Order(direction, "id")));
	}

	/** A page of the caller's choosing, in the order asked for ({@link ListOrder}). */
	public static Pageable page(int page, int size, ListOrder order) {
		return PageResponse.request(page, size, order.sort());
	}

	/**
	 * Refuses a change the caller's access does not allow: 404 when hidden, 403 when
	 * read-only.
	 */
	public static void requireFull(Access access, String what, long id) {
		if (access == Access.NONE) {
			throw new NotFoundException(what, id);
		}
		if (access == Access.READ) {
			throw new ForbiddenException("You may read " + what.toLowerCase() + " " + id + " but not change it");
		}
	}

}
