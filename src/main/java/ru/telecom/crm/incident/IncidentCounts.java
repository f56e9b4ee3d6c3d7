package ru.telecom.crm.incident;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.Tally;

/**
 * The open incidents of a scope counted by status, work group, service, assignee and
 * priority together, with the opening time of the oldest of each: one grouped query,
 * rolled up here by whichever of them a table shows.
 */
public record IncidentCounts(List<Cell> cells) {

	/** How many open incidents. */
	public long total() {
		return this.cells.stream().mapToLong(Cell::count).sum();
	}

	/** In the lifecycle's order. */
	public List<Tally<IncidentStatus>> byStatus() {
		return Tally.by(this.cells, Cell::status, Comparator.naturalOrder());
	}

	/** By work group id. */
	public List<Tally<Long>> byWorkGroup() {
		return Tally.by(this.cells, Cell::workGroupId, Comparator.naturalOrder());
	}

	/** By service id. */
	public List<Tally<Long>> byService() {
		return Tally.by(this.cells, Cell::serviceId, Comparator.naturalOrder());
	}

	/** The unassigned (a {@code null} key) first, then by user id. */
	public List<Tally<String>> byAssignee() {
		return Tally.by(this.cells, Cell::assignee, Comparator.naturalOrder());
	}

	/** The most urgent first. */
	public List<Tally<Priority>> byPriority() {
		return Tally.by(this.cells, Cell::priority, Comparator.reverseOrder());
	}

	/** The open incidents that share all five values. */
	public record Cell(IncidentStatus status, long workGroupId, long serviceId, String assignee, Priority priority,
			long count, Instant oldest) implements Tally.Counted {
	}

}
