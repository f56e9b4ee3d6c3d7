package ru.telecom.crm.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted per user <em>and</em> client address: so many failures within
 * the window lock that pair out for a while, longer with each lockout in a row, never for
 * good; a success resets the pair. Because the address is part of the key, someone
 * guessing the administrator's or the ESB's password from elsewhere locks out only
 * themselves, never the real user. A pair left alone for the window plus the longest
 * lockout is forgotten, lockouts and all.
 */
@Component
class LoginThrottle {

	/** Pairs kept at most: a flood of made-up user names cannot fill the memory. */
	private static final int MAX_TRACKED = 100_000;

	private static final int MAX_USER_LENGTH = 256;

	private final LoginThrottleSettings settings;

	private final Clock clock;

	private final Cache<Key, Attempts> attempts;

	LoginThrottle(LoginThrottleSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.attempts = Caffeine.newBuilder()
			.maximumSize(MAX_TRACKED)
			.expireAfterAccess(settings.window().plus(settings.maxLockout()))
			.build();
	}

	/**
	 * How long the user must still wait before signing in from this address, if at all.
	 */
	Optional<Duration> lockedFor(String address, String user) {
		Attempts known = this.attempts.getIfPresent(new Key(address, user));
		Instant now = this.clock.instant();
		if (known == null || !now.isBefore(known.lockedUntil())) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, known.lockedUntil()));
	}

	/** A wrong password; may start a lockout. */
	void failed(String address, String user) {
		Instant now = this.clock.instant();
		this.attempts.asMap()
			.compute(new Key(address, user),
					(key, known) -> ((known != null) ? known : Attempts.NONE).failed(now, this.settings));
	}

	/** A right password: the pair starts afresh. */
	void succeeded(String address, String user) {
		this.attempts.invalidate(new Key(address, user));
	}

	private record Key(String address, String user) {

		Key {
			user = (user.length() > MAX_USER_LENGTH) ? user.substring(0, MAX_USER_LENGTH) : user;
		}

	}

	/** Recent failures, lockouts in a row, and the end of the current one. */
	private record Attempts(List<Instant> failures, int lockouts, Instant lockedUntil) {

		static final Attempts NONE = new Attempts(List.of(), 0, Instant.MIN);

		Attempts failed(Instant now, LoginThrottleSettings settings) {
			if (now.isBefore(this.lockedUntil)) {
				// a request that began before the lockout: already paid for
				return this;
			}
			List<Instant> recent = new ArrayList<>();
			this.failures.stream()
				.filter((failure) -> failure.isAfter(now.minus(settings.window())))
				.forEach(recent::add);
			recent.add(now);
			if (recent.size() < settings.maxFailures()) {
				return new Attempts(List.copyOf(recent), this.lockouts, this.lockedUntil);
			}
			int lockout = this.lockouts + 1;
			return new Attempts(List.of(), lockout, now.plus(settings.lockout(lockout)));
		}

	}

}
