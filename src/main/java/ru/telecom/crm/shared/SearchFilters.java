package ru.telecom.crm.shared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/**
 * The conditions of a list's filters, each added only when the caller asked for it, into
 * one conjunction.
 */
public final class SearchFilters {

	private static final char ESCAPE = '\\';

	private final CriteriaBuilder cb;

	private final List<Predicate> where = new ArrayList<>();

	public SearchFilters(CriteriaBuilder cb) {
		this.cb = cb;
	}

	/** Any condition the caller's scope or the filters need. */
	public SearchFilters add(Predicate predicate) {
		this.where.add(predicate);
		return this;
	}

	public SearchFilters equal(Expression<?> field, Object value) {
		if (value != null) {
			this.where.add(this.cb.equal(field, value));
		}
		return this;
	}

	/**
	 * The field contains the text, case-insensitively; {@code %} and {@code _} are
	 * literal.
	 */
	public SearchFilters contains(Expression<String> field, String text) {
		if (text != null && !text.isBlank()) {
			this.where.add(this.cb.like(this.cb.lower(field), containing(text), ESCAPE));
		}
		return this;
	}

	/** From inclusive, to exclusive; either may be missing. */
	public SearchFilters between(Expression<Instant> field, Instant from, Instant to) {
		if (from != null) {
			this.where.add(this.cb.greaterThanOrEqualTo(field, from));
		}
		if (to != null) {
			this.where.add(this.cb.lessThan(field, to));
		}
		return this;
	}

	public Predicate all() {
		return this.cb.and(this.where.toArray(Predicate[]::new));
	}

	/**
	 * A LIKE pattern that finds the text anywhere, lower-cased, its wildcards escaped.
	 */
	public static String containing(String text) {
		return "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
	}

}
