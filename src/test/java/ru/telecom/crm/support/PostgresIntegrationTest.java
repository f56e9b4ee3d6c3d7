package ru.telecom.crm.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a real PostgreSQL: our database and LegacyDB, created for the run. One
 * configuration for every such test, the statement counter included (it counts only
 * requests that ask it to), so that they share one context: a second context of the same
 * engine name would take over the engine REST API's static registry, and its requests
 * would reach an engine whose identity service the sign-in never set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresDatabases.class)
@Import(StatementCounter.class)
public @interface PostgresIntegrationTest {

}
