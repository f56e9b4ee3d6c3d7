package ru.telecom.crm.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed sign-ins are throttled, per user and client address (see
 * {@link LoginThrottle}).
 *
 * @param maxFailures failures within {@code window} that start a lockout
 * @param window how long a failure counts
 * @param firstLockout the first lockout; each further one doubles
 * @param maxLockout the longest lockout
 */
@ConfigurationProperties("crm.login-throttle")
record LoginThrottleSettings(int maxFailures, Duration window, Duration firstLockout, Duration maxLockout) {

	LoginThrottleSettings {
		if (maxFailures < 1 || !isPositive(window) || !isPositive(firstLockout) || !isPositive(maxLockout)) {
			throw new IllegalArgumentException("crm.login-throttle needs max-failures of 1 or more and positive"
					+ " window, first-lockout and max-lockout");
		}
	}

	/**
	 * The n-th lockout in a row (1, 2, …): the first, doubled n - 1 times, at most the
	 * max.
	 */
	Duration lockout(int nth) {
		Duration lockout = this.firstLockout;
		for (int i = 1; i < nth && lockout.compareTo(this.maxLockout) < 0; i++) {
			lockout = lockout.multipliedBy(2);
		}
		return (lockout.compareTo(this.maxLockout) < 0) ? lockout : this.maxLockout;
	}

	private static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

}
