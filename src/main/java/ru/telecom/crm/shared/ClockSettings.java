package ru.telecom.crm.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The app's clock.
 *
 * @param controllable whether tests may move the clock ({@link AppClock}, and
 * {@code /api/test/clock} for administrators): for tests and benchmarks only, never in
 * production
 */
@ConfigurationProperties("crm.clock")
public record ClockSettings(boolean controllable) {

}
