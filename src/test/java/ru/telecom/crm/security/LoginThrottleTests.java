package ru.telecom.crm.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoginThrottleTests {

	private static final LoginThrottleSettings SETTINGS = new LoginThrottleSettings(5, Duration.ofMinutes(10),
			Duration.ofMinutes(1), Duration.ofMinutes(15));

	private final MovingClock clock = new MovingClock();

	private final LoginThrottle throttle = new LoginThrottle(SETTINGS, this.clock);

	@Test
	void fiveFailuresWithinTenMinutesLockThePairOutForAMinute() {
		fail("10.0.0.1", "admin", 4);
		assertThat(this.throttle.lockedFor("10.0.0.1", "admin")).isEmpty();

		fail("10.0.0.1", "admin", 1);

		assertThat(this.throttle.lockedFor("10.0.0.1", "admin")).contains(Duration.ofMinutes(1));
		this.clock.pass(Duration.ofSeconds(59));
		assertThat(this.throttle.lockedFor("10.0.0.1", "admin")).contains(Duration.ofSeconds(1));
		this.clock.pass(Duration.ofSeconds(1));
		assertThat(this.throttle.lockedFor("10.0.0.1", "admin")).isEmpty();
	}

	@Test
	void anotherAddressOrAnotherUserIsNotLockedOut() {
		fail("10.0.0.66", "admin", 5);

		assertThat(this.throttle.lockedFor("10.0.0.66", "admin")).isPresent();
		assertThat(this.throttle.lockedFor("10.0.0.1", "admin")).isEmpty();
		assertThat(this.throttle.lockedFor("10.0.0.66", "esb")).isEmpty();
	}

	@Test
	void failuresOlderThanTheWindowDoNotCount() {
		fail("10.0.0.1", "anna", 4);
		this.clock.pass(Duration.ofMinutes(10).plusSeconds(1));

		fail("10.0.0.1", "anna", 4);

		assertThat(this.throttle.lockedFor("10.0.0.1", "anna")).isEmpty();
	}

	@Test
	void eachFurtherLockoutDoublesUpToFifteenMinutesAndNoneIsForGood() {
		for (Duration expected : new Duration[] { Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
				Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15) }) {
			fail("10.0.0.1", "esb", 5);
			assertThat(this.throttle.lockedFor("10.0.0.1", "esb")).contains(expected);
			this.clock.pass(expected);
			assertThat(this.throttle.lockedFor("10.0.0.1", "esb")).isEmpty();
		}
	}

	@Test
	void aSuccessStartsThePairAfresh() {
		fail("10.0.0.1", "boris", 5);
		this.clock.pass(Duration.ofMinutes(1));
		this.throttle.succeeded("10.0.0.1", "boris");

		fail("10.0.0.1", "boris", 4);
		assertThat(this.throttle.lockedFor("10.0.0.1", "boris")).isEmpty();
		fail("10.0.0.1", "boris", 1);

		// the first lockout again, not the second
		assertThat(this.throttle.lockedFor("10.0.0.1", "boris")).contains(Duration.ofMinutes(1));
	}

	@Test
	void failuresDuringALockoutDoNotLengthenIt() {
		fail("10.0.0.1", "maria", 5);

		fail("10.0.0.1", "maria", 10);

		assertThat(this.throttle.lockedFor("10.0.0.1", "maria")).contains(Duration.ofMinutes(1));
	}

	@ParameterizedTest
	@CsvSource({ "1, PT1M", "2, PT2M", "3, PT4M", "4, PT8M", "5, PT15M", "40, PT15M" })
	void theNthLockoutInARow(int nth, Duration lockout) {
		assertThat(SETTINGS.lockout(nth)).isEqualTo(lockout);
	}

	@Test
	void settingsThatWouldNeverLockOrNeverUnlockAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottleSettings(0, Duration.ofMinutes(10),
				Duration.ofMinutes(1), Duration.ofMinutes(15)));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new LoginThrottleSettings(5, Duration.ofMinutes(10), Duration.ZERO, Duration.ofMinutes(15)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LoginThrottleSettings(5, null, Duration.ofMinutes(1), Duration.ofMinutes(15)));
	}

	private void fail(String address, String user, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.failed(address, user);
		}
	}

	/** A clock the test moves on. */
	private static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2025-03-01T10:00:00Z");

		void pass(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
