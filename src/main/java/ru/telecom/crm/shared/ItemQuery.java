package ru.telecom.crm.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * What the search across everything asks of requests and incidents: any one of these
 * makes an item a hit. Each part is asked on its own, newest first and at most the limit,
 * so that each reads its own index (the number its key, clients and orders theirs, the
 * text its trigram index) instead of one plan for an OR of all.
 *
 * @param number the item's number, when the query is one
 * @param clientIds items of these clients
 * @param orderIds items of these orders (requests only)
 * @param ids these items (found by their notes)
 * @param text text their description or narrative contains; {@code null} for none
 */
public record ItemQuery(Long number, Set<Long> clientIds, Set<Long> orderIds, Set<Long> ids, String text) {

	/** Newest first, as every list. */
	public static final Sort NEWEST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	/**
	 * The parts of the query as conditions on an entity with {@code id},
	 * {@code clientId}, {@code createdAt}, and the given order and text fields
	 * ({@code null} when it has none).
	 */
	public <E> List<Specification<E>> parts(String orderField, String textField) {
		List<Specification<E>> parts = new ArrayList<>();
		if (this.number != null) {
			parts.add((root, query, cb) -> cb.equal(root.get("id"), this.number));
		}
		if (!this.clientIds.isEmpty()) {
			parts.add((root, query, cb) -> root.get("clientId").in(this.clientIds));
		}
		if (orderField != null && !this.orderIds.isEmpty()) {
			parts.add((root, query, cb) -> root.get(orderField).in(this.orderIds));
		}
		if (!this.ids.isEmpty()) {
			parts.add((root, query, cb) -> root.get("id").in(this.ids));
		}
		if (this.text != null && !this.text.isBlank()) {
			parts.add((root, query, cb) -> new SearchFilters(cb).contains(root.get(textField), this.text).all());
		}
		return parts;
	}

	/**
	 * The hits of all parts, each once, newest first, at most {@code limit}.
	 */
	public static <E> List<E> merged(Collection<List<E>> found, Function<E, Long> id, Comparator<E> newestFirst,
			int limit) {
		Map<Long, E> hits = new LinkedHashMap<>();
		found.forEach((list) -> list.forEach((item) -> hits.putIfAbsent(id.apply(item), item)));
		return hits.values().stream().sorted(newestFirst).limit(limit).toList();
	}

}
