package ru.telecom.crm.legacy.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where LegacyDB is and how we treat it.
 *
 * @param url JDBC URL of LegacyDB (a database of its own)
 * @param username its user
 * @param password its password
 * @param timeout how long a lookup waits for a connection or a query before it reports
 * LegacyDB unavailable
 * @param migrate whether to apply our changelog to the replica: its lookup indexes and,
 * with {@code demoData}, the legacy shape and demo rows
 * @param demoData whether the changelog creates the legacy tables and demo rows (embedded
 * default, compose stack, tests)
 */
@ConfigurationProperties("crm.legacy")
record LegacySettings(String url, String username, String password, @DefaultValue("3s") Duration timeout,
		@DefaultValue("false") boolean migrate, @DefaultValue("false") boolean demoData) {
}
