package ru.telecom.crm.directory.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutageTolerantQueryCacheTests {

	private final AtomicLong clock = new AtomicLong();

	private final AtomicInteger asked = new AtomicInteger();

	private final OutageTolerantQueryCache<String, String> cache = new OutageTolerantQueryCache<>(Duration.ofMinutes(5),
			Duration.ofHours(24), 100, this.clock::get);

	@Test
	void anAnswerIsFreshForTheCacheTimeThenAskedAgain() {
		assertThat(this.cache.getOrCompute("ivan", this::keycloak)).isEqualTo("wg-100 #1");
		later(Duration.ofMinutes(4));
		assertThat(this.cache.getOrCompute("ivan", this::keycloak)).isEqualTo("wg-100 #1");
		later(Duration.ofMinutes(2));
		assertThat(this.cache.getOrCompute("ivan", this::keycloak)).isEqualTo("wg-100 #2");
	}

	@Test
	void whileKeycloakCannotBeReachedTheLastAnswerStands() {
		this.cache.getOrCompute("ivan", this::keycloak);
		later(Duration.ofHours(3));

		assertThat(this.cache.getOrCompute("ivan", (key) -> {
			throw new IdentityProviderException("Unable to query groups", new ResourceAccessException("refused"));
		})).isEqualTo("wg-100 #1");
	}

	@Test
	void aQueryNeverAnsweredOrARefusalIsNotHidden() {
		assertThatThrownBy(() -> this.cache.getOrCompute("olga", (key) -> {
			throw new IdentityProviderException("Unable to query groups", new ResourceAccessException("refused"));
		})).isInstanceOf(IdentityProviderException.class);
		this.cache.getOrCompute("ivan", this::keycloak);
		later(Duration.ofMinutes(6));
		assertThatThrownBy(() -> this.cache.getOrCompute("ivan", (key) -> {
			throw new IdentityProviderException("Unable to query groups",
					HttpClientErrorException.create(HttpStatus.FORBIDDEN, "Forbidden", null, null, null));
		})).isInstanceOf(IdentityProviderException.class);
	}

	@Test
	void afterTheOutageToleranceNothingIsKept() {
		this.cache.getOrCompute("ivan", this::keycloak);
		later(Duration.ofHours(25));

		assertThatThrownBy(() -> this.cache.getOrCompute("ivan", (key) -> {
			throw new IdentityProviderException("Unable to query groups", new ResourceAccessException("refused"));
		})).isInstanceOf(IdentityProviderException.class);
	}

	private String keycloak(String user) {
		return "wg-100 #" + this.asked.incrementAndGet();
	}

	private void later(Duration duration) {
		this.clock.addAndGet(duration.toNanos());
	}

}
