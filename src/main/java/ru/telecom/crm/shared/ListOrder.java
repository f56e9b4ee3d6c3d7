package ru.telecom.crm.shared;

import java.util.Locale;
import java.util.Map;

import org.springframework.data.domain.Sort;

/**
 * How a request or incident list is sorted: {@code newest} first (the default),
 * {@code oldest} first (by opening time), or by {@code priority}, the most urgent first
 * and among equals the longest open first. The priority's rank is not its name's order
 * (CRITICAL, HIGH, LOW, NORMAL): {@link ListQueries} sorts {@link #PRIORITY_RANK} by the
 * rank.
 */
public enum ListOrder {

	NEWEST, OLDEST, PRIORITY;

	/** The sort property {@link ListQueries} reads as the priority's rank. */
	public static final String PRIORITY_RANK = "priority#rank";

	/** The order asked for: its name in any letter case; blank for the default. */
	public static ListOrder of(String asked) {
		if (asked == null || asked.isBlank()) {
			return NEWEST;
		}
		try {
			return valueOf(asked.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("Unknown sort order", Map.of("sort", "one of newest, oldest, priority"));
		}
	}

	/** The sort of an entity with {@code createdAt}, {@code id} and {@code priority}. */
	public Sort sort() {
		return switch (this) {
			case NEWEST -> Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
			case OLDEST -> Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"));
			case PRIORITY -> Sort.by(Sort.Order.desc(PRIORITY_RANK), Sort.Order.asc("createdAt"), Sort.Order.asc("id"));
		};
	}

}
