package ru.telecom.crm.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a real PostgreSQL (a database of its own) with its history shipped to
 * a real ClickHouse through the {@link ClickHouseProxy}. Short timeouts and waits, so
 * that an outage or a replay plays out in seconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { PostgresDatabases.OWN_DATABASE + "=history", "crm.history.clickhouse.timeout=2s",
				"crm.history.ship-every=200ms", "crm.history.max-backoff=1s",
				// the tests reconcile when they need to
				"crm.history.reconcile-first=1h" })
@ContextConfiguration(initializers = { PostgresDatabases.class, ClickHouseServer.class })
public @interface ClickHouseIntegrationTest {

}
