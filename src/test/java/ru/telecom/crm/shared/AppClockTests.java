package ru.telecom.crm.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * The app's clock: the system's time plus an offset that a controllable clock moves, kept
 * in its store, with the engine's clock in step.
 */
class AppClockTests {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	/** How far two readings of flowing time may be apart in these tests. */
	private static final Duration SLACK = Duration.ofSeconds(2);

	private final MemoryStore store = new MemoryStore();

	@AfterEach
	void resetTheEngineClock() {
		ClockUtil.reset();
	}

	@Test
	void aSystemClockReadsTheSystemTimeAndCannotBeMoved() {
		AppClock clock = AppClock.system(MOSCOW);

		assertThat(clock.instant()).isCloseTo(Instant.now(), within(SLACK));
		assertThat(clock.getZone()).isEqualTo(MOSCOW);
		assertThat(clock.isControllable()).isFalse();
		assertThat(clock.offset()).isZero();
		assertThatIllegalStateException().isThrownBy(() -> clock.moveTo(Instant.parse("2030-01-01T00:00:00Z")));
		assertThatIllegalStateException().isThrownBy(() -> clock.advance(Duration.ofHours(1)));
		assertThatIllegalStateException().isThrownBy(clock::reset);
		assertThat(ClockUtil.now().toInstant()).isCloseTo(Instant.now(), within(SLACK));
	}

	@Test
	void movingToAnInstantKeepsTimeFlowingFromThere() throws InterruptedException {
		AppClock clock = AppClock.controllable(MOSCOW, this.store);
		Instant target = Instant.parse("2030-03-02T09:00:00Z");

		Instant moved = clock.moveTo(target);
		Thread.sleep(20);

		assertThat(moved).isCloseTo(target, within(SLACK));
		assertThat(clock.instant()).isAfter(moved).isCloseTo(target, within(SLACK));
		assertThat(clock.millis()).isCloseTo(clock.instant().toEpochMilli(), within(SLACK.toMillis()));
		assertThat(Instant.now().plus(clock.offset())).isCloseTo(target, within(SLACK));
		assertThat(this.store.millis).isEqualTo(clock.offset().toMillis());
	}

	@Test
	void advancingAddsToTheOffset() {
		AppClock clock = AppClock.controllable(MOSCOW, this.store);
		clock.advance(Duration.ofHours(2));

		clock.advance(Duration.ofMinutes(30));

		assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(150));
		assertThat(this.store.millis).isEqualTo(Duration.ofMinutes(150).toMillis());
		assertThat(clock.instant()).isCloseTo(Instant.now().plus(Duration.ofMinutes(150)), within(SLACK));
	}

	@Test
	void theEngineClockMovesWithTheAppClock() {
		AppClock clock = AppClock.controllable(MOSCOW, this.store);

		clock.advance(Duration.ofDays(3));

		assertThat(ClockUtil.now().toInstant()).isCloseTo(clock.instant(), within(SLACK))
			.isCloseTo(Instant.now().plus(Duration.ofDays(3)), within(SLACK));
		clock.moveTo(Instant.parse("2031-07-01T12:00:00Z"));
		assertThat(ClockUtil.now().toInstant()).isCloseTo(Instant.parse("2031-07-01T12:00:00Z"), within(SLACK));
	}

	@Test
	void resettingPutsBothClocksBackToTheSystemTime() {
		AppClock clock = AppClock.controllable(MOSCOW, this.store);
		clock.advance(Duration.ofDays(3));

		clock.reset();

		assertThat(clock.offset()).isZero();
		assertThat(this.store.millis).isZero();
		assertThat(clock.instant()).isCloseTo(Instant.now(), within(SLACK));
		assertThat(ClockUtil.now().toInstant()).isCloseTo(Instant.now(), within(SLACK));
	}

	@Test
	void aControllableClockStartsAtTheKeptOffsetWithTheEngineClock() {
		this.store.millis = Duration.ofDays(10).toMillis();

		AppClock clock = AppClock.controllable(MOSCOW, this.store);

		assertThat(clock.offset()).isEqualTo(Duration.ofDays(10));
		assertThat(clock.instant()).isCloseTo(Instant.now().plus(Duration.ofDays(10)), within(SLACK));
		assertThat(ClockUtil.now().toInstant()).isCloseTo(clock.instant(), within(SLACK));
	}

	@Test
	void aClockInAnotherZoneMovesWithItsOrigin() {
		AppClock clock = AppClock.controllable(MOSCOW, this.store);
		AppClock utc = clock.withZone(ZoneOffset.UTC);

		clock.advance(Duration.ofHours(5));

		assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
		assertThat(utc.offset()).isEqualTo(Duration.ofHours(5));
		assertThat(utc.instant()).isCloseTo(clock.instant(), within(SLACK));
		assertThat(clock.withZone(MOSCOW)).isSameAs(clock);
		utc.reset();
		assertThat(clock.offset()).isZero();
	}

	@Test
	void aMoveThatCannotBeKeptDoesNotHappen() {
		AppClock clock = AppClock.controllable(MOSCOW, this.store);
		this.store.failing = true;

		assertThatIllegalStateException().isThrownBy(() -> clock.advance(Duration.ofHours(1)))
			.withMessage("the database is down");

		assertThat(clock.offset()).isZero();
		assertThat(ClockUtil.now().toInstant()).isCloseTo(Instant.now(), within(SLACK));
	}

	/** The offset in memory, as the database would keep it. */
	static final class MemoryStore implements ClockOffsetStore {

		long millis;

		boolean failing;

		@Override
		public long read() {
			return this.millis;
		}

		@Override
		public void write(long offsetMillis) {
			if (this.failing) {
				throw new IllegalStateException("the database is down");
			}
			this.millis = offsetMillis;
		}

	}

}
