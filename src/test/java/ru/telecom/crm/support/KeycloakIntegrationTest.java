package ru.telecom.crm.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app in the {@code keycloak} profile against a real Keycloak and PostgreSQL.
 * These tests run in a JVM of their own (see the pom): Camunda keeps its engines in a
 * static registry, and one JVM must not hold engines of both kinds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("keycloak")
@ContextConfiguration(initializers = { PostgresDatabases.class, KeycloakServer.class })
public @interface KeycloakIntegrationTest {

}
