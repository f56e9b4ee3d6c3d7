/**
 * Who may call what. In the embedded default: HTTP Basic on {@code /api/**} and
 * {@code /engine-rest/**} against Camunda's identity store, Camunda's own login for the
 * webapps.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "directory", "catalog", "metrics" })
package ru.telecom.crm.security;
