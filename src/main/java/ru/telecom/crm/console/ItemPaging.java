package ru.telecom.crm.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.data.domain.Pageable;

import ru.telecom.crm.api.Paging;

/** Paging, sorting and the period filter of the request and incident lists. */
final class ItemPaging {

	private ItemPaging() {
	}

	/** Newest first unless {@code order} is {@code oldest}; 20 a page. */
	static Pageable page(int page, String order) {
		return Paging.page(page, 20, "oldest".equals(order));
	}

	/** The start of a day (UTC), or none. */
	static Instant from(LocalDate day) {
		return (day != null) ? day.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
	}

	/** The end of a day (UTC), or none. */
	static Instant to(LocalDate day) {
		return (day != null) ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1) : null;
	}

}
