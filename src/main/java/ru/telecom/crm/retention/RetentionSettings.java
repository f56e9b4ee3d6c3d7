package ru.telecom.crm.retention;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What is kept, for how long, and when it is cleaned up.
 *
 * @param windowStart when the nightly window opens (the app's time zone); the engine's
 * history cleanup uses the same window
 * @param windowEnd when it closes; before the start, it closes the next day
 * @param batchSize rows purged per transaction, so that no purge holds its locks long
 * @param checkEvery how often a node looks whether the window is open
 * @param keep the keeping time of each {@link Purge}, by its name
 * @param historyTimeToLive days of engine history per process key, instead of the model's
 * {@code historyTimeToLive}; applied at deployment and, at start, to the definitions
 * already deployed
 */
@ConfigurationProperties("crm.retention")
public record RetentionSettings(@DefaultValue("01:00") LocalTime windowStart,
		@DefaultValue("05:00") LocalTime windowEnd, @DefaultValue("10000") int batchSize,
		@DefaultValue("10m") Duration checkEvery, Map<String, Duration> keep, Map<String, Integer> historyTimeToLive) {

	public RetentionSettings {
		keep = (keep != null) ? Map.copyOf(keep) : Map.of();
		historyTimeToLive = (historyTimeToLive != null) ? Map.copyOf(historyTimeToLive) : Map.of();
		if (batchSize < 1) {
			throw new IllegalArgumentException("crm.retention.batch-size must be at least 1");
		}
	}

	/** The keeping time of the rows of a {@link Purge}. */
	public Duration keep(String name) {
		Duration duration = this.keep.get(name);
		if (duration == null) {
			throw new IllegalStateException("No keeping time configured: crm.retention.keep." + name);
		}
		return duration;
	}

	/** Whether the nightly window is open at this time of day. */
	public boolean inWindow(LocalTime time) {
		if (this.windowStart.equals(this.windowEnd)) {
			return false;
		}
		if (this.windowStart.isBefore(this.windowEnd)) {
			return !time.isBefore(this.windowStart) && time.isBefore(this.windowEnd);
		}
		// a window over midnight
		return !time.isBefore(this.windowStart) || time.isBefore(this.windowEnd);
	}

}
