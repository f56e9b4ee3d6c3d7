package ru.telecom.crm.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Creates, once per test run, a fresh PostgreSQL database for our data and a separate one
 * for LegacyDB, and points the app at them. Without a reachable PostgreSQL the tests fail
 * at once and say how to get one: they are never skipped.
 */
public final class PostgresDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * The server's maintenance database; override with -Dcrm.test.pg.url or
	 * CRM_TEST_PG_URL.
	 */
	public static final String ADMIN_URL = setting("crm.test.pg.url", "CRM_TEST_PG_URL",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	public static final String USER = setting("crm.test.pg.user", "CRM_TEST_PG_USER", "crm");

	public static final String PASSWORD = setting("crm.test.pg.password", "CRM_TEST_PG_PASSWORD", "crm");

	/**
	 * The databases the tests create; {@code -Dcrm.test.pg.database} gives another name,
	 * so that two test runs on one server keep apart.
	 */
	public static final String DATABASE = setting("crm.test.pg.database", "CRM_TEST_PG_DATABASE", "crm_it");

	public static final String LEGACY_DATABASE = DATABASE + "_legacy";

	/**
	 * The database of a context whose LegacyDB is down: its own, because contexts on one
	 * database run each other's jobs (the job executors poll, none has a claim on the
	 * jobs its own transactions made), and a lookup job of another context's test must
	 * not meet a LegacyDB that is down only here.
	 */
	public static final String LEGACY_DOWN_DATABASE = DATABASE + "_legacydown";

	/** The channels' secrets in the tests. */
	public static final String TELEGRAM_SECRET = "test-telegram-secret";

	/**
	 * The scrape user's password ({@code crm.metrics}) for every context on these
	 * databases.
	 */
	public static final String SCRAPE_PASSWORD = "test-scrape-" + UUID.randomUUID();

	public static final String SMS_SECRET = "test-sms-secret";

	/** The port of the GreenMail server of the tests that read mail. */
	public static final int SMTP_PORT = Integer.parseInt(setting("crm.test.smtp.port", "CRM_TEST_SMTP_PORT", "3025"));

	/** Set this property to {@code true} for a context whose LegacyDB is down. */
	public static final String LEGACY_DOWN = "crm.test.legacy-down";

	/**
	 * Set this property to a name for a context with a database of its own
	 * ({@code DATABASE_name}), for the reason above: its rows must come from its own
	 * transactions and jobs only (the history's, whose outbox other contexts never fill).
	 */
	public static final String OWN_DATABASE = "crm.test.own-database";

	private static final Set<String> created = new HashSet<>();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		// a test of a LegacyDB outage points it at a port where nothing listens
		boolean legacyDown = context.getEnvironment().getProperty(LEGACY_DOWN, Boolean.class, false);
		String own = context.getEnvironment().getProperty(OWN_DATABASE, "");
		String database = legacyDown ? LEGACY_DOWN_DATABASE : own.isBlank() ? DATABASE : DATABASE + "_" + own;
		createOnce(database, LEGACY_DATABASE);
		String legacyUrl = legacyDown ? "jdbc:postgresql://127.0.0.1:1/" + LEGACY_DATABASE : urlOf(LEGACY_DATABASE);
		TestPropertyValues.of("spring.datasource.url=" + urlOf(database), "spring.datasource.username=" + USER,
				"spring.datasource.password=" + PASSWORD, "crm.legacy.url=" + legacyUrl, "crm.legacy.username=" + USER,
				"crm.legacy.password=" + PASSWORD, "crm.legacy.migrate=" + !legacyDown,
				// the test framework keeps each kind of context, and a pool keeps its
				// connections: idle ones go, or a few contexts fill the server's 100
				"spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000",
				// every context on these databases mails alike: any of them may run a
				// mail job
				"crm.mail.transport=smtp", "spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP_PORT,
				"crm.channels.telegram-secret=" + TELEGRAM_SECRET, "crm.channels.sms-secret=" + SMS_SECRET,
				// the test framework turns metrics export off; /actuator/prometheus is
				// tested
				"management.prometheus.metrics.export.enabled=true", "crm.metrics.scrape-password=" + SCRAPE_PASSWORD)
			.applyTo(context);
	}

	/**
	 * Writes to LegacyDB as its replication would, for tests that need a legacy row of
	 * their own; the app itself only reads it.
	 */
	public static JdbcTemplate legacyWriter() {
		return new JdbcTemplate(new DriverManagerDataSource(urlOf(LEGACY_DATABASE), USER, PASSWORD));
	}

	/** The JDBC URL of a database on the test server. */
	public static String urlOf(String database) {
		int slash = ADMIN_URL.lastIndexOf('/');
		return ADMIN_URL.substring(0, slash + 1) + database;
	}

	/** Creates these databases afresh, once per test run. */
	public static synchronized void createOnce(String... databases) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			for (String database : databases) {
				if (created.add(database)) {
					statement.execute("drop database if exists " + database + " with (force)");
					statement.execute("create database " + database);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("""
					The integration tests need PostgreSQL and could not use %s as '%s': %s
					Get one with `bash .ci/run` (installs and starts PostgreSQL, creates the role), or on Debian:
					  apt-get install postgresql && pg_ctlcluster 15 main start
					  su postgres -c "psql -c \\"create role crm login createdb password 'crm'\\""
					or point the tests elsewhere with CRM_TEST_PG_URL, CRM_TEST_PG_USER, CRM_TEST_PG_PASSWORD."""
				.formatted(ADMIN_URL, USER, ex.getMessage()), ex);
		}
	}

	private static String setting(String property, String env, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(env);
		}
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
