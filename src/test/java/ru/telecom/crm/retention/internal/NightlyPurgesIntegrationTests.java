package ru.telecom.crm.retention.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import ru.telecom.crm.retention.internal.NightlyPurges.Purged;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our own retention on PostgreSQL: idempotency keys after 24 hours, raw channel messages
 * of closed requests after 90 days, in batches, by one node at a time.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = { RetentionTestProperties.PROBE_TTL, RetentionTestProperties.MAIL_TTL,
		RetentionTestProperties.ENGINE_NAME })
class NightlyPurgesIntegrationTests {

	@Autowired
	NightlyPurges purges;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void expiredKeysGoAndFreshOnesStay() {
		String old = key(Duration.ofHours(25));
		String fresh = key(Duration.ofHours(23));

		List<Purged> done = this.purges.purgeExpired(10_000, () -> true);

		assertThat(keyExists(old)).isFalse();
		assertThat(keyExists(fresh)).isTrue();
		assertThat(purged(done, "idempotency-keys").rows()).isPositive();
	}

	@Test
	void keysGoInBatchesUntilABatchComesBackShort() {
		for (int i = 0; i < 5; i++) {
			key(Duration.ofDays(2));
		}

		Purged keys = purged(this.purges.purgeExpired(2, () -> true), "idempotency-keys");

		assertThat(keys.rows()).isGreaterThanOrEqualTo(5);
		// every batch but the last is full
		assertThat(keys.batches()).isEqualTo(keys.rows() / 2 + 1);
		assertThat(keys.complete()).isTrue();
	}

	@Test
	void aClosedWindowStopsAfterTheBatchInHand() {
		for (int i = 0; i < 5; i++) {
			key(Duration.ofDays(2));
		}

		Purged keys = purged(this.purges.purgeExpired(2, () -> false), "idempotency-keys");

		assertThat(keys.rows()).isEqualTo(2);
		assertThat(keys.batches()).isEqualTo(1);
		assertThat(keys.complete()).isFalse();
		this.purges.purgeExpired(10_000, () -> true);
	}

	@Test
	void rawMessagesOfOldClosedRequestsGoAndTheRequestsStay() {
		long oldClosed = request(Duration.ofDays(91), true);
		long oldOpen = request(Duration.ofDays(91), false);
		long freshClosed = request(Duration.ofDays(89), true);

		this.purges.purgeExpired(10_000, () -> true);

		assertThat(rawMessage(oldClosed)).isNull();
		assertThat(version(oldClosed)).isEqualTo(1);
		assertThat(rawMessage(oldOpen)).isNotNull();
		assertThat(rawMessage(freshClosed)).isNotNull();
		assertThat(version(freshClosed)).isZero();
	}

	@Test
	void whileAnotherNodePurgesThisOneLeavesItTheWork() throws Exception {
		String old = key(Duration.ofDays(2));
		try (Connection other = DriverManager.getConnection(PostgresDatabases.urlOf(PostgresDatabases.DATABASE),
				PostgresDatabases.USER, PostgresDatabases.PASSWORD); Statement statement = other.createStatement()) {
			statement.execute("select pg_advisory_lock(" + NightlyPurges.LOCK + ")");

			List<Purged> done = this.purges.purgeExpired(10_000, () -> true);

			assertThat(done).singleElement().satisfies((purged) -> {
				assertThat(purged.rows()).isZero();
				assertThat(purged.complete()).isFalse();
			});
			assertThat(keyExists(old)).isTrue();
			statement.execute("select pg_advisory_unlock(" + NightlyPurges.LOCK + ")");
		}

		this.purges.purgeExpired(10_000, () -> true);

		assertThat(keyExists(old)).isFalse();
	}

	private String key(Duration age) {
		String key = UUID.randomUUID().toString();
		this.jdbc.update("""
				insert into channel_message (channel, caller, idempotency_key, payload_hash, received_at)
				values ('ESB', 'esb', ?, 'hash', ?)""", key, Timestamp.from(Instant.now().minus(age)));
		return key;
	}

	private boolean keyExists(String key) {
		return this.jdbc.queryForObject("select count(*) from channel_message where idempotency_key = ?", Integer.class,
				key) > 0;
	}

	private long request(Duration age, boolean closed) {
		Timestamp created = Timestamp.from(Instant.now().minus(age));
		return this.jdbc.queryForObject(
				"""
						insert into service_request (created_at, channel, priority, status, close_reason, closed_at, raw_message)
						values (?, 'SMS', 'NORMAL', ?, ?, ?, '{"text":"ORD-3001 нет связи"}') returning id""",
				Long.class, created, closed ? "CLOSED" : "NEW", closed ? "NO_INCIDENT" : null, closed ? created : null);
	}

	private String rawMessage(long request) {
		return this.jdbc.queryForObject("select raw_message from service_request where id = ?", String.class, request);
	}

	private int version(long request) {
		return this.jdbc.queryForObject("select version from service_request where id = ?", Integer.class, request);
	}

	private static Purged purged(List<Purged> done, String name) {
		return done.stream().filter((purged) -> purged.name().equals(name)).findFirst().orElseThrow();
	}

}
