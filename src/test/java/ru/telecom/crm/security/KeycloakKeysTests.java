package ru.telecom.crm.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.telecom.crm.shared.KeycloakUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeycloakKeysTests {

	private final AtomicLong clock = new AtomicLong();

	private final AtomicInteger asked = new AtomicInteger();

	private HttpServer keycloak;

	private RSAKey key;

	private KeycloakKeys keys;

	@BeforeEach
	void keycloakWithOneKey() throws Exception {
		this.key = new RSAKeyGenerator(2048).keyID("k1").generate();
		String set = new JWKSet(this.key.toPublicJWK()).toString();
		this.keycloak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.keycloak.createContext("/certs", (exchange) -> {
			this.asked.incrementAndGet();
			byte[] body = set.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.keycloak.start();
		this.keys = new KeycloakKeys("http://127.0.0.1:" + this.keycloak.getAddress().getPort() + "/certs",
				Duration.ofSeconds(1), Duration.ofHours(24), this.clock::get);
	}

	@AfterEach
	void stop() {
		this.keycloak.stop(0);
	}

	@Test
	void aKnownKeyIsReadOnceAndKeptForMinutes() throws Exception {
		assertThat(this.keys.get(byId("k1"), null)).hasSize(1);
		later(Duration.ofMinutes(4));

		assertThat(this.keys.get(byId("k1"), null)).hasSize(1);
		assertThat(this.asked).hasValue(1);
	}

	@Test
	void aKnownKeyGoesOnVerifyingWhileKeycloakIsDown() throws Exception {
		this.keys.get(byId("k1"), null);
		this.keycloak.stop(0);
		later(Duration.ofHours(2));

		assertThat(this.keys.get(byId("k1"), null)).hasSize(1);
		later(Duration.ofSeconds(10));
		assertThat(this.keys.get(byId("k1"), null)).hasSize(1);
	}

	@Test
	void aKeyNeverSeenWhileKeycloakIsDownIsAnOutageNotABadToken() throws Exception {
		this.keys.get(byId("k1"), null);
		this.keycloak.stop(0);
		// what Keycloak said a moment ago stands: no such key
		assertThat(this.keys.get(byId("k2"), null)).isEmpty();
		later(Duration.ofSeconds(6));

		assertThatThrownBy(() -> this.keys.get(byId("k2"), null)).isInstanceOf(RemoteKeySourceException.class)
			.satisfies((ex) -> assertThat(KeycloakUnavailableException.isOutage(ex)).isTrue());
		// asked again only after a few seconds, still an outage meanwhile
		assertThatThrownBy(() -> this.keys.get(byId("k3"), null)).isInstanceOf(RemoteKeySourceException.class);
	}

	@Test
	void aKeyKeycloakDoesNotHaveFindsNothingAndKeycloakIsAskedAtMostEveryFewSeconds() throws Exception {
		this.keys.get(byId("k1"), null);
		later(Duration.ofSeconds(6));

		assertThat(this.keys.get(byId("forged-1"), null)).isEmpty();
		assertThat(this.keys.get(byId("forged-2"), null)).isEmpty();
		assertThat(this.asked).hasValue(2);
	}

	@Test
	void afterTheOutageToleranceEvenAKnownKeyIsAnOutage() throws Exception {
		this.keys.get(byId("k1"), null);
		this.keycloak.stop(0);
		later(Duration.ofHours(25));

		assertThatThrownBy(() -> this.keys.get(byId("k1"), null)).isInstanceOf(RemoteKeySourceException.class);
	}

	private void later(Duration duration) {
		this.clock.addAndGet(duration.toNanos());
	}

	private static JWKSelector byId(String keyId) {
		return new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build());
	}

}
