package ru.telecom.crm.shared;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A grouped count rolled up by one of its columns. */
class TallyTests {

	private static final Instant NINE = Instant.parse("2025-03-01T09:00:00Z");

	private static final Instant TEN = Instant.parse("2025-03-01T10:00:00Z");

	@Test
	void rollingUpSumsTheCountsKeepsTheOldestAndPutsTheUnassignedFirst() {
		List<Cell> cells = List.of(new Cell("ivan", "NEW", 2, TEN), new Cell(null, "NEW", 1, TEN),
				new Cell("ivan", "INWORK", 3, NINE), new Cell("anna", "INWORK", 1, TEN));

		assertThat(Tally.by(cells, Cell::assignee, Comparator.naturalOrder()))
			.containsExactly(new Tally<>(null, 1, TEN), new Tally<>("anna", 1, TEN), new Tally<>("ivan", 5, NINE));
		assertThat(Tally.by(cells, Cell::status, Comparator.reverseOrder())).containsExactly(new Tally<>("NEW", 3, TEN),
				new Tally<>("INWORK", 4, NINE));
		assertThat(Tally.by(List.<Cell>of(), Cell::status, Comparator.naturalOrder())).isEmpty();
	}

	record Cell(String assignee, String status, long count, Instant oldest) implements Tally.Counted {
	}

}
