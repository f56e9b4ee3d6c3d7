package ru.telecom.crm.shared;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Component;

/**
 * The pages of the lists that grow with history (requests, incidents): the page as asked,
 * and its total exact only up to {@code crm.lists.total-cap}. The total is counted as
 * {@code select 1 … where … fetch first cap + 1 rows}: no {@code count(id)}, which makes
 * PostgreSQL read every row's heap page, and never more rows than the cap, however long
 * the caller's history.
 */
@Component
public class ListQueries {

	private final EntityManager entities;

	private final Settings settings;

	ListQueries(EntityManager entities, Settings settings) {
		this.entities = entities;
		this.settings = settings;
	}

	/** The page of the entities the specification finds, in the page's order. */
	public <E> CappedPage<E> page(Class<E> type, Specification<E> specification, Pageable page) {
		CriteriaBuilder cb = this.entities.getCriteriaBuilder();
		CriteriaQuery<E> query = cb.createQuery(type);
		Root<E> root = query.from(type);
		Predicate where = specification.toPredicate(root, query, cb);
		if (where != null) {
			query.where(where);
		}
		query.select(root).orderBy(orders(page.getSort(), root, cb));
		var content = this.entities.createQuery(query)
			.setFirstResult((int) page.getOffset())
			.setMaxResults(page.getPageSize())
			.getResultList();
		return CappedPage.of(content, page, this.settings.totalCap(), (limit) -> rows(type, specification, limit));
	}

	/**
	 * The first {@code limit} entities the specification finds, in that order; no count.
	 */
	public <E> java.util.List<E> first(Class<E> type, Specification<E> specification,
			org.springframework.data.domain.Sort sort, int limit) {
		CriteriaBuilder cb = this.entities.getCriteriaBuilder();
		CriteriaQuery<E> query = cb.createQuery(type);
		Root<E> root = query.from(type);
		Predicate where = specification.toPredicate(root, query, cb);
		if (where != null) {
			query.where(where);
		}
		query.select(root).orderBy(orders(sort, root, cb));
		return this.entities.createQuery(query).setMaxResults(limit).getResultList();
	}

	/**
	 * The sort as the query's order; {@link ListOrder#PRIORITY_RANK} is the rank of the
	 * entity's {@code priority}, LOW lowest.
	 */
	private static List<Order> orders(Sort sort, Root<?> root, CriteriaBuilder cb) {
		List<Order> orders = new ArrayList<>();
		for (Sort.Order order : sort) {
			if (ListOrder.PRIORITY_RANK.equals(order.getProperty())) {
				Expression<Integer> rank = cb.<Integer>selectCase()
					.when(cb.equal(root.get("priority"), Priority.CRITICAL), 4)
					.when(cb.equal(root.get("priority"), Priority.HIGH), 3)
					.when(cb.equal(root.get("priority"), Priority.NORMAL), 2)
					.otherwise(1);
				orders.add(order.isAscending() ? cb.asc(rank) : cb.desc(rank));
			}
			else {
				orders.addAll(QueryUtils.toOrders(Sort.by(order), root, cb));
			}
		}
		return orders;
	}

	/** How many rows the specification finds, at most {@code limit}. */
	private <E> int rows(Class<E> type, Specification<E> specification, int limit) {
		CriteriaBuilder cb = this.entities.getCriteriaBuilder();
		CriteriaQuery<Integer> query = cb.createQuery(Integer.class);
		Root<E> root = query.from(type);
		Predicate where = specification.toPredicate(root, query, cb);
		if (where != null) {
			query.where(where);
		}
		query.select(cb.literal(1));
		return this.entities.createQuery(query).setMaxResults(limit).getResultList().size();
	}

	/**
	 * How lists count.
	 *
	 * @param totalCap a list's total is exact up to this many items; beyond it the
	 * response says "more than"
	 */
	@ConfigurationProperties("crm.lists")
	record Settings(@DefaultValue("1000") int totalCap) {
	}

}
