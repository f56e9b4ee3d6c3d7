package ru.telecom.crm.servicerequest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.Tally;

/**
 * The open requests of a scope counted by status, assignee and priority together, with
 * the opening time of the oldest of each: one grouped query, rolled up here by whichever
 * of them a table shows.
 */
public record RequestCounts(List<Cell> cells) {

	/** How many open requests. */
	public long total() {
		return this.cells.stream().mapToLong(Cell::count).sum();
	}

	/** In the lifecycle's order. */
	public List<Tally<RequestStatus>> byStatus() {
		return Tally.by(this.cells, Cell::status, Comparator.naturalOrder());
	}

	/** The unassigned (the queue's, a {@code null} key) first, then by user id. */
	public List<Tally<String>> byAssignee() {
		return Tally.by(this.cells, Cell::assignee, Comparator.naturalOrder());
	}

	/** The most urgent first. */
	public List<Tally<Priority>> byPriority() {
		return Tally.by(this.cells, Cell::priority, Comparator.reverseOrder());
	}

	/** The open requests that share all three values. */
	public record Cell(RequestStatus status, String assignee, Priority priority, long count,
			Instant oldest) implements Tally.Counted {
	}

}
