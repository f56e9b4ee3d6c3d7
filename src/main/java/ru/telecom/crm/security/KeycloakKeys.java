package ru.telecom.crm.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.telecom.crm.shared.KeycloakUnavailableException;

/**
 * Keycloak's signing keys, kept: read again every few minutes (a rotated key is seen) and
 * at once for a key not seen yet; while Keycloak cannot be reached the keys last read go
 * on verifying tokens (for up to the outage tolerance), so a user whose token is valid
 * goes on working. A token signed with a key that only Keycloak could tell about cannot
 * be checked then: that is an outage (503), not a bad token (401). Keycloak is asked at
 * most once every few seconds, whatever keys the tokens name.
 */
final class KeycloakKeys implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(KeycloakKeys.class);

	private static final Duration READ_AGAIN_EVERY = Duration.ofMinutes(5);

	private static final Duration ASK_AT_MOST_EVERY = Duration.ofSeconds(5);

	private final URI uri;

	private final HttpClient http;

	private final Duration timeout;

	private final long toleranceNanos;

	private final LongSupplier clock;

	private final ReentrantLock reading = new ReentrantLock();

	private volatile Keys keys;

	private long lastAsked = Long.MIN_VALUE;

	private IOException lastFailure;

	KeycloakKeys(String uri, Duration timeout, Duration outageTolerance) {
		this(uri, timeout, outageTolerance, System::nanoTime);
	}

	KeycloakKeys(String uri, Duration timeout, Duration outageTolerance, LongSupplier clock) {
		this.uri = URI.create(uri);
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
		this.timeout = timeout;
		this.toleranceNanos = outageTolerance.toNanos();
		this.clock = clock;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) throws RemoteKeySourceException {
		Keys known = this.keys;
		long now = this.clock.getAsLong();
		List<JWK> found = (known != null) ? selector.select(known.set()) : List.of();
		boolean fresh = known != null && now - known.readAt() < READ_AGAIN_EVERY.toNanos();
		if (!found.isEmpty() && (fresh || this.reading.isLocked())) {
			return found;
		}
		try {
			return selector.select(readAgain(known, now).set());
		}
		catch (IOException ex) {
			if (!found.isEmpty() && now - known.readAt() < this.toleranceNanos) {
				return found;
			}
			throw new RemoteKeySourceException("Keycloak's signing keys cannot be read: " + ex.getMessage(),
					new KeycloakUnavailableException(ex));
		}
	}

	/**
	 * The keys as Keycloak has them now, unless someone read them since {@code seen} or
	 * Keycloak was asked only a moment ago (then the last answer, or its failure).
	 */
	private Keys readAgain(Keys seen, long now) throws IOException {
		this.reading.lock();
		try {
			if (this.keys != seen) {
				return this.keys;
			}
			if (this.lastAsked != Long.MIN_VALUE && now - this.lastAsked < ASK_AT_MOST_EVERY.toNanos()) {
				if (this.lastFailure != null || seen == null) {
					throw (this.lastFailure != null) ? this.lastFailure : new IOException("no keys read yet");
				}
				return seen;
			}
			this.lastAsked = now;
			try {
				this.keys = new Keys(fetch(), now);
				this.lastFailure = null;
				return this.keys;
			}
			catch (IOException ex) {
				if (this.lastFailure == null) {
					log.warn("Keycloak's signing keys cannot be read ({}); the keys read before go on", ex.toString());
				}
				this.lastFailure = ex;
				throw ex;
			}
		}
		finally {
			this.reading.unlock();
		}
	}

	private JWKSet fetch() throws IOException {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(this.uri).timeout(this.timeout).header("Accept", "application/json").build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IOException("Keycloak answered " + response.statusCode() + " for its keys");
			}
			return JWKSet.parse(response.body());
		}
		catch (ParseException ex) {
			throw new IOException("Keycloak's keys are not a JWK set", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while reading Keycloak's keys", ex);
		}
	}

	private record Keys(JWKSet set, long readAt) {
	}

}
