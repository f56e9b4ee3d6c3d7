package ru.telecom.crm.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the app: the system's time plus an offset, which stays zero unless
 * {@code crm.clock.controllable} is on (tests and benchmarks only, never production).
 * Then {@link #moveTo(Instant)} and {@link #advance(Duration)} move it, and the engine's
 * clock ({@link ClockUtil}, which its timers and the job executor's acquisition read)
 * moves with it by the same offset, so that a timer due at the app's "now" is due for the
 * engine too. Time keeps flowing after a move: it is an offset, not a frozen instant. The
 * offset is kept in {@code app_clock_offset}, so that a restarted app keeps the test's
 * time.
 * <p>
 * A clock that is not controllable reads the system's time and nothing else: no database,
 * no engine clock. The engine's clock is one per JVM: a controllable app in a JVM moves
 * it for every engine there.
 */
public final class AppClock extends Clock {

	private final ZoneId zone;

	private final Offset offset;

	private AppClock(ZoneId zone, Offset offset) {
		this.zone = Objects.requireNonNull(zone, "zone");
		this.offset = offset;
	}

	/** The system's time, which nothing moves. */
	public static AppClock system(ZoneId zone) {
		return new AppClock(zone, new Offset(null, 0));
	}

	/**
	 * A clock that may be moved, at the offset the store keeps (the engine's clock set to
	 * it at once).
	 */
	static AppClock controllable(ZoneId zone, ClockOffsetStore store) {
		Offset offset = new Offset(Objects.requireNonNull(store, "store"), store.read());
		offset.applyToEngine();
		return new AppClock(zone, offset);
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	/** The same clock, moved by the same offset, in another time zone. */
	@Override
	public AppClock withZone(ZoneId zone) {
		return zone.equals(this.zone) ? this : new AppClock(zone, this.offset);
	}

	@Override
	public Instant instant() {
		long millis = this.offset.millis;
		return (millis == 0) ? Instant.now() : Instant.now().plusMillis(millis);
	}

	@Override
	public long millis() {
		return System.currentTimeMillis() + this.offset.millis;
	}

	/** Whether {@link #moveTo(Instant)} and {@link #advance(Duration)} may be used. */
	public boolean isControllable() {
		return this.offset.store != null;
	}

	/** How far this clock is from the system's: zero but in tests. */
	public Duration offset() {
		return Duration.ofMillis(this.offset.millis);
	}

	/**
	 * Moves this clock and the engine's so that now is {@code at}, from where time flows
	 * on; kept for a restart.
	 * @return now, after the move
	 * @throws IllegalStateException when the clock is not controllable
	 */
	public Instant moveTo(Instant at) {
		Objects.requireNonNull(at, "at");
		this.offset.set(at.toEpochMilli() - System.currentTimeMillis());
		return instant();
	}

	/**
	 * Moves this clock and the engine's by {@code by} (backwards when negative); kept for
	 * a restart.
	 * @return now, after the move
	 * @throws IllegalStateException when the clock is not controllable
	 */
	public Instant advance(Duration by) {
		Objects.requireNonNull(by, "by");
		synchronized (this.offset) {
			this.offset.set(Math.addExact(this.offset.millis, by.toMillis()));
		}
		return instant();
	}

	/**
	 * Back to the system's time, for this clock and the engine's.
	 * @return now, after the move
	 * @throws IllegalStateException when the clock is not controllable
	 */
	public Instant reset() {
		this.offset.set(0);
		return instant();
	}

	@Override
	public String toString() {
		return "AppClock[" + this.zone + ", offset " + offset() + (isControllable() ? ", controllable]" : "]");
	}

	/** The offset, shared by a clock and its views in other zones. */
	private static final class Offset {

		private final ClockOffsetStore store;

		private volatile long millis;

		Offset(ClockOffsetStore store, long millis) {
			this.store = store;
			this.millis = millis;
		}

		synchronized void set(long millis) {
			if (this.store == null) {
				throw new IllegalStateException("The clock is not controllable (crm.clock.controllable is off)");
			}
			// stored first: a clock that moved is a clock a restart finds where it was
			this.store.write(millis);
			this.millis = millis;
			applyToEngine();
		}

		void applyToEngine() {
			if (this.millis == 0) {
				ClockUtil.reset();
			}
			else {
				ClockUtil.offset(this.millis);
			}
		}

	}

}
