package ru.telecom.crm.console;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.domain.Pageable;

import ru.telecom.crm.api.Paging;
import ru.telecom.crm.shared.ListOrder;

/** Paging, sorting and the period filter of the request and incident lists. */
final class ItemPaging {

	private ItemPaging() {
	}

	/**
	 * Newest first unless {@code order} is {@code oldest} or {@code priority}
	 * ({@link ListOrder}); 20 a page.
	 */
	static Pageable page(int page, String order) {
		return Paging.page(page, 20, ListOrder.of(order));
	}

	/** The start of a day in the user's time zone, or none. */
	static Instant from(LocalDate day) {
		return (day != null) ? day.atStartOfDay(UserZone.current()).toInstant() : null;
	}

	/** The end of a day in the user's time zone, or none. */
	static Instant to(LocalDate day) {
		return (day != null) ? day.plusDays(1).atStartOfDay(UserZone.current()).toInstant().minusNanos(1) : null;
	}

}
