package ru.telecom.crm.api;

import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import ru.telecom.crm.shared.ForbiddenException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.NotFoundException;

/** Small helpers the controllers share. */
final class Paging {

	static final int MAX_SIZE = 200;

	private Paging() {
	}

	/** A page of at most {@value #MAX_SIZE}, newest first. */
	static Pageable page(int page, int size) {
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw new InvalidInputException("Paging is out of range",
					Map.of("page", "0 or more", "size", "1 to " + MAX_SIZE));
		}
		return PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
	}

	/**
	 * Refuses a change the caller's access does not allow: 404 when hidden, 403 when
	 * read-only.
	 */
	static void requireFull(Access access, String what, long id) {
		if (access == Access.NONE) {
			throw new NotFoundException(what, id);
		}
		if (access == Access.READ) {
			throw new ForbiddenException("You may read " + what.toLowerCase() + " " + id + " but not change it");
		}
	}

}
