package ru.telecom.crm.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;

/**
 * Camunda's password check, remembered briefly when it succeeds: an integrator signs
 * every call with HTTP Basic, and each check is a transaction and a hash of its own. A
 * success is kept as a salted digest of the user and password (the salt is random per
 * node and never leaves memory) for as long as the directory keeps a user it read
 * ({@code crm.directory.cache-ttl}), so a changed password or a removed user is seen
 * within the same bound. A failure is never remembered: every wrong password meets the
 * real check and the login throttle.
 */
final class PasswordChecks {

	private final IdentityService identity;

	private final Cache<String, Boolean> passed;

	private final byte[] salt = new byte[32];

	PasswordChecks(IdentityService identity, Duration keepFor) {
		this.identity = identity;
		this.passed = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(10_000).build();
		new SecureRandom().nextBytes(this.salt);
	}

	/** Whether {@code password} is the user's password. */
	boolean matches(String user, String password) {
		String key = digest(user, password);
		if (this.passed.getIfPresent(key) != null) {
			return true;
		}
		boolean matches = this.identity.checkPassword(user, password);
		if (matches) {
			this.passed.put(key, Boolean.TRUE);
		}
		return matches;
	}

	private String digest(String user, String password) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(this.salt);
			sha.update(user.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(password.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
