package ru.telecom.crm.shared;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How many open items share one value (a status, a work group, an assignee, ...) and when
 * the oldest of them was opened: one line of the managers' overview.
 *
 * @param key the value; {@code null} where the items have none (unassigned)
 * @param oldest the opening time of the oldest of them
 */
public record Tally<K>(K key, long count, Instant oldest) {

	/**
	 * The counts of a grouped query rolled up by one of its columns: the counts summed,
	 * the oldest kept, in the order of the keys ({@code null} first).
	 */
	public static <C extends Counted, K> List<Tally<K>> by(Collection<C> cells, Function<C, K> key,
			Comparator<? super K> order) {
		Map<K, Tally<K>> tallies = new LinkedHashMap<>();
		for (C cell : cells) {
			tallies.merge(key.apply(cell), new Tally<>(key.apply(cell), cell.count(), cell.oldest()), Tally::plus);
		}
		return tallies.values()
			.stream()
			.sorted(Comparator.comparing(Tally::key, Comparator.nullsFirst(order)))
			.toList();
	}

	private Tally<K> plus(Tally<K> other) {
		return new Tally<>(this.key, this.count + other.count,
				this.oldest.isBefore(other.oldest) ? this.oldest : other.oldest);
	}

	/** One row of a grouped count: how many, and the oldest's opening time. */
	public interface Counted {

		long count();

		Instant oldest();

	}

}
