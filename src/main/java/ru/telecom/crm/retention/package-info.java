/**
 * Retention: what the app keeps, and for how long. The engine's history cleanup runs in a
 * nightly window with a history time-to-live per process; in the same window our own
 * modules' expired rows ({@link ru.telecom.crm.retention.Purge}: idempotency keys, raw
 * channel messages) are purged in small batches, by one node at a time.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package ru.telecom.crm.retention;
