package ru.telecom.crm.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An incident's response and resolution clocks under one policy and one calendar, read
 * from its status history. Nothing is carried between readings: a change of priority,
 * service or calendar reads the same history again under the new policy or calendar, so
 * the working time already used is neither lost nor counted twice, and a past reading
 * always gives the same answer.
 * <ul>
 * <li>Both clocks start at the incident's creation, its first status row.
 * <li>The response clock stops at the first {@code INWORK} (or {@code CLOSED}).
 * <li>The resolution clock stands still while {@code ON_HOLD}, runs again with the time
 * already used when the incident is resumed, and stops at {@code CLOSED}.
 * <li>A target stopped exactly at its due instant is met.
 * </ul>
 */
public final class SlaClock {

	private final WorkingTime time;

	private final SlaPolicy policy;

	public SlaClock(BusinessCalendar calendar, SlaPolicy policy) {
		this.time = new WorkingTime(calendar);
		this.policy = Objects.requireNonNull(policy, "policy");
	}

	public BusinessCalendar calendar() {
		return this.time.calendar();
	}

	public SlaPolicy policy() {
		return this.policy;
	}

	/**
	 * The clocks as of {@code now}; rows after {@code now} are not read.
	 * @param history the incident's status rows, its creation first (any order is sorted
	 * by time, rows of one instant keep their order)
	 * @throws IllegalArgumentException when no row lies at or before {@code now}
	 */
	public SlaReading read(List<StatusChange> history, Instant now) {
		Timeline timeline = timeline(history, now);
		ClockReading response = reading(this.policy.response(), timeline.response(), timeline.responded(), false, now);
		ClockReading resolution = reading(this.policy.resolution(), timeline.resolution(), timeline.closed(),
				timeline.closed() == null && timeline.resolutionPaused(), now);
		return new SlaReading(now, response, resolution);
	}

	/**
	 * When the target's clock, read as of {@code now}, has used {@code work} of working
	 * time: inside its past runs, or projected along its present run; {@code null} when
	 * it stopped or stands paused short of it. Past its stop the instant is where it
	 * would have stood, as {@link ClockReading#dueAt()}.
	 */
	public Instant reach(List<StatusChange> history, Instant now, SlaReading.Target target, Duration work) {
		Timeline timeline = timeline(history, now);
		return reach((target == SlaReading.Target.RESPONSE) ? timeline.response() : timeline.resolution(), work);
	}

	private Timeline timeline(List<StatusChange> history, Instant now) {
		List<StatusChange> known = new ArrayList<>(
				history.stream().filter((change) -> !change.at().isAfter(now)).toList());
		known.sort(Comparator.comparing(StatusChange::at));
		if (known.isEmpty()) {
			throw new IllegalArgumentException(
					"no status row at or before " + now + ": the incident's creation is " + "its first row");
		}
		Instant created = known.get(0).at();
		Instant responded = known.stream()
			.filter((change) -> change.status() == TrackedStatus.INWORK || change.status() == TrackedStatus.CLOSED)
			.map(StatusChange::at)
			.findFirst()
			.orElse(null);

		List<Run> runs = new ArrayList<>();
		Instant runningSince = null;
		Instant closed = null;
		for (StatusChange change : known) {
			if (change.status() == TrackedStatus.CLOSED) {
				closed = change.at();
				break;
			}
			boolean held = change.status() == TrackedStatus.ON_HOLD;
			if (!held && runningSince == null) {
				runningSince = change.at();
			}
			else if (held && runningSince != null) {
				runs.add(new Run(runningSince, change.at()));
				runningSince = null;
			}
		}
		if (runningSince != null) {
			// the last run goes on, also past a close, to tell where the due instant
			// stood
			runs.add(new Run(runningSince, null));
		}
		return new Timeline(List.of(new Run(created, null)), responded, runs, closed, runningSince == null);
	}

	private ClockReading reading(Duration target, List<Run> runs, Instant stoppedAt, boolean paused, Instant now) {
		Instant end = (stoppedAt != null) ? stoppedAt : now;
		Duration used = Duration.ZERO;
		for (Run run : runs) {
			Instant until = (run.end() == null || run.end().isAfter(end)) ? end : run.end();
			used = used.plus(this.time.workingTimeBetween(run.start(), until));
		}
		Instant warningAt = reach(runs, this.policy.warningAfter(target));
		Instant dueAt = reach(runs, target);
		return new ClockReading(target, used, warningAt, passed(warningAt, stoppedAt, now), dueAt,
				passed(dueAt, stoppedAt, now), stoppedAt, paused);
	}

	/**
	 * When the runs have used {@code work}: inside a finished run, or projected along the
	 * last one while it goes on; {@code null} when they stop short of it.
	 */
	private Instant reach(List<Run> runs, Duration work) {
		Duration remaining = work;
		for (Run run : runs) {
			if (run.end() == null) {
				return this.time.addWorkingTime(run.start(), remaining);
			}
			Duration available = this.time.workingTimeBetween(run.start(), run.end());
			if (remaining.compareTo(available) <= 0) {
				return this.time.addWorkingTime(run.start(), remaining);
			}
			remaining = remaining.minus(available);
		}
		return null;
	}

	/**
	 * The instant, once it has come while the clock was open; a clock stopped at the very
	 * instant was in time.
	 */
	private static Instant passed(Instant instant, Instant stoppedAt, Instant now) {
		if (instant == null || instant.isAfter(now)) {
			return null;
		}
		return (stoppedAt == null || instant.isBefore(stoppedAt)) ? instant : null;
	}

	/**
	 * Both clocks' runs as of an instant: the response clock runs from creation until
	 * {@code responded}, the resolution clock in {@code resolution} until {@code closed}.
	 */
	private record Timeline(List<Run> response, Instant responded, List<Run> resolution, Instant closed,
			boolean resolutionPaused) {
	}

	/** A stretch in which the clock runs; {@code end} null while it goes on. */
	private record Run(Instant start, Instant end) {
	}

}
