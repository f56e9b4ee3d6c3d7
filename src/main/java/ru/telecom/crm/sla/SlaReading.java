package ru.telecom.crm.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An incident's two clocks as of {@code asOf}.
 *
 * @param response from creation until first {@code INWORK}
 * @param resolution from creation until {@code CLOSED}, standing still while
 * {@code ON_HOLD}
 */
public record SlaReading(Instant asOf, ClockReading response, ClockReading resolution) {

	/** Which of the two targets. */
	public enum Target {

		RESPONSE, RESOLUTION

	}

	/** What happens when a running clock reaches an instant. */
	public enum Alarm {

		/** The warning share of the target is used up. */
		WARNING,
		/** The target is used up: the breach. */
		BREACH

	}

	/** An alarm still ahead of a running clock. */
	public record Deadline(Target target, Alarm alarm, Instant at) {
	}

	/**
	 * The warnings and breaches still ahead, soonest first: those of running clocks after
	 * {@code asOf}. A paused clock has none until it runs again.
	 */
	public List<Deadline> upcoming() {
		List<Deadline> deadlines = new ArrayList<>();
		add(deadlines, Target.RESPONSE, this.response);
		add(deadlines, Target.RESOLUTION, this.resolution);
		deadlines.sort(Comparator.comparing(Deadline::at));
		return deadlines;
	}

	private void add(List<Deadline> deadlines, Target target, ClockReading clock) {
		if (!clock.running()) {
			return;
		}
		if (clock.warningAt() != null && clock.warningAt().isAfter(this.asOf)) {
			deadlines.add(new Deadline(target, Alarm.WARNING, clock.warningAt()));
		}
		if (clock.dueAt() != null && clock.dueAt().isAfter(this.asOf)) {
			deadlines.add(new Deadline(target, Alarm.BREACH, clock.dueAt()));
		}
	}

}
