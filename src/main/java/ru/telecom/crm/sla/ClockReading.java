package ru.telecom.crm.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One target's clock as of an instant. Instants that the clock has not reached yet are
 * projected on the assumption that it keeps its present state (running, or paused).
 *
 * @param target the working time allowed
 * @param used the working time the clock has run, up to its stop or the instant read
 * @param warningAt when the used time reaches the policy's warning share: past or
 * projected; {@code null} while paused short of it, or when it stopped paused short of it
 * @param warnedAt {@code warningAt} once it has passed with the clock still open
 * @param dueAt when the used time reaches the target, as {@code warningAt}; for a clock
 * that stopped running, where it stood when it stopped
 * @param breachedAt {@code dueAt} once it has passed without the clock having stopped
 * before it
 * @param stoppedAt when the clock stopped for good ({@code INWORK} for the response,
 * {@code CLOSED} for the resolution), {@code null} while open
 * @param paused whether the open clock stands still ({@code ON_HOLD})
 */
public record ClockReading(Duration target, Duration used, Instant warningAt, Instant warnedAt, Instant dueAt,
		Instant breachedAt, Instant stoppedAt, boolean paused) {

	/** The working time left before the due instant; zero once it is used up. */
	public Duration remaining() {
		Duration left = this.target.minus(this.used);
		return left.isNegative() ? Duration.ZERO : left;
	}

	public boolean breached() {
		return this.breachedAt != null;
	}

	/** Stopped in time: at or before its due instant. */
	public boolean met() {
		return this.stoppedAt != null && this.breachedAt == null;
	}

	/** Neither stopped nor paused. */
	public boolean running() {
		return this.stoppedAt == null && !this.paused;
	}

}
