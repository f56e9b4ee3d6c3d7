package ru.telecom.crm.directory.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.extension.keycloak.cache.QueryCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.telecom.crm.shared.KeycloakUnavailableException;

/**
 * The Keycloak plugin's query cache, kept through an outage: an answer is fresh for the
 * plugin's cache time, as with its own cache; after that Keycloak is asked again, and
 * when it cannot be reached the last answer stands (for up to the outage tolerance)
 * instead of a failure. Only Keycloak's silence keeps an old answer: whatever Keycloak
 * does answer replaces it.
 */
final class OutageTolerantQueryCache<K, V> implements QueryCache<K, V> {

	private static final Logger log = LoggerFactory.getLogger(OutageTolerantQueryCache.class);

	private final Cache<K, Answer<V>> answers;

	private final long freshNanos;

	private final LongSupplier clock;

	/** Whether answers come from what was last read: logged once per outage. */
	private final AtomicBoolean outage = new AtomicBoolean();

	OutageTolerantQueryCache(Duration fresh, Duration keep, int maximumSize) {
		this(fresh, keep, maximumSize, System::nanoTime);
	}

	OutageTolerantQueryCache(Duration fresh, Duration keep, int maximumSize, LongSupplier clock) {
		this.freshNanos = fresh.toNanos();
		this.clock = clock;
		this.answers = Caffeine.newBuilder()
			.expireAfterWrite((keep.compareTo(fresh) > 0) ? keep : fresh)
			.ticker(clock::getAsLong)
			.maximumSize(maximumSize)
			.build();
	}

	@Override
	public V getOrCompute(K key, Function<K, V> computation) {
		Answer<V> kept = this.answers.getIfPresent(key);
		long now = this.clock.getAsLong();
		if (kept != null && now - kept.at() < this.freshNanos) {
			return kept.value();
		}
		try {
			V value = computation.apply(key);
			this.answers.put(key, new Answer<>(value, this.clock.getAsLong()));
			if (this.outage.compareAndSet(true, false)) {
				log.info("Keycloak answers the identity plugin again");
			}
			return value;
		}
		catch (RuntimeException ex) {
			if (kept == null || !KeycloakUnavailableException.isOutage(ex)) {
				throw ex;
			}
			if (this.outage.compareAndSet(false, true)) {
				log.warn("Keycloak cannot be reached ({}): the identity plugin answers what it asked before"
						+ " as last read until it is back", ex.toString());
			}
			log.debug("Keycloak cannot be reached; the identity plugin answers {} as read {} s ago", key,
					Duration.ofNanos(now - kept.at()).toSeconds());
			return kept.value();
		}
	}

	@Override
	public void clear() {
		this.answers.invalidateAll();
	}

	private record Answer<V>(V value, long at) {
	}

}
