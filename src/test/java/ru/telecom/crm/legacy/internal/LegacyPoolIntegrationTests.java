package ru.telecom.crm.legacy.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.telecom.crm.support.PostgresDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * LegacyDB's pool against a real PostgreSQL database that refuses connections for a while
 * ({@code allow_connections false}), as LegacyDB does when it is down.
 */
class LegacyPoolIntegrationTests {

	private static final String DATABASE = PostgresDatabases.DATABASE + "_legacypool";

	private static final LegacySettings SETTINGS = new LegacySettings(PostgresDatabases.urlOf(DATABASE),
			PostgresDatabases.USER, PostgresDatabases.PASSWORD, Duration.ofSeconds(1), false, false);

	private final AtomicInteger poolsMade = new AtomicInteger();

	private final LegacyPool pool = new LegacyPool(() -> {
		this.poolsMade.incrementAndGet();
		return JdbcLegacyDb.pool(SETTINGS);
	});

	@BeforeAll
	static void createDatabase() {
		PostgresDatabases.createOnce(DATABASE);
	}

	@AfterEach
	void closePoolAndAllowConnections() throws SQLException {
		this.pool.close();
		acceptsConnections(true);
	}

	@Test
	void theFirstLookupAfterLegacyDbIsBackConnectsThoughLookupsFailedWhileItWasDown() throws SQLException {
		acceptsConnections(false);
		// one waiting lookup after another, as a busy helpdesk's: Hikari's own retries
		// back off to 2.5 s and more, past the pool's timeout of 1 s
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(this.pool::getConnection);
		}
		acceptsConnections(true);

		try (Connection connection = this.pool.getConnection()) {
			assertThat(connection.isValid(1)).isTrue();
		}
		assertThat(this.poolsMade).as("a pool that could not connect was replaced each time").hasValue(4);
	}

	@Test
	void aPoolWhoseConnectionsAreAllInUseIsKept() throws SQLException {
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				held.add(this.pool.getConnection());
			}
			assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(this.pool::getConnection);

			assertThat(this.poolsMade).as("all 4 busy is not LegacyDB down").hasValue(1);
			for (Connection connection : held) {
				assertThat(connection.isValid(1)).isTrue();
			}
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		try (Connection connection = this.pool.getConnection()) {
			assertThat(connection.isValid(1)).isTrue();
		}
	}

	private static void acceptsConnections(boolean accepts) throws SQLException {
		try (Connection admin = DriverManager.getConnection(PostgresDatabases.ADMIN_URL, PostgresDatabases.USER,
				PostgresDatabases.PASSWORD); Statement statement = admin.createStatement()) {
			statement.execute("alter database " + DATABASE + " allow_connections " + accepts);
		}
	}

}
