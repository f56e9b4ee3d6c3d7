package ru.telecom.crm.shared;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * One page of a list of the API: the items, where it is, and how many there are in all.
 *
 * @param total how many items the list holds; when {@code totalExact} is false, more than
 * this (lists that grow with history count only up to a cap)
 * @param totalExact whether {@code total} is exact
 */
public record PageResponse<T>(List<T> items, int page, int size,
		@Schema(description = "How many items the list holds; when totalExact is false, more than this "
				+ "(request and incident lists count exactly only up to a cap, 1000 by default)") long total,
		@Schema(description = "Whether total is exact; false when the list holds more than total items") boolean totalExact) {

	/** The largest page the API serves. */
	public static final int MAX_SIZE = 200;

	/**
	 * The deepest item a page may start at: a list that long is searched, not paged, and
	 * a larger offset would overflow the database's row offset.
	 */
	public static final long MAX_OFFSET = 1_000_000;

	public static <T> PageResponse<T> of(Page<T> page) {
		boolean exact = !(page instanceof CappedPage<T> capped) || capped.isTotalExact();
		return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), exact);
	}

	/**
	 * The page a caller asked for, in this order.
	 * @throws InvalidInputException when the page is negative or starts beyond
	 * {@value #MAX_OFFSET} items, or the size is not 1 to {@value #MAX_SIZE}
	 */
	public static PageRequest request(int page, int size, Sort sort) {
		if (page < 0 || size < 1 || size > MAX_SIZE || (long) page * size > MAX_OFFSET) {
			throw new InvalidInputException("Paging is out of range",
					Map.of("page", "0 or more, at most " + MAX_OFFSET + " items deep", "size", "1 to " + MAX_SIZE));
		}
		return PageRequest.of(page, size, sort);
	}

}
