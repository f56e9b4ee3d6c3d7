package ru.telecom.crm.history.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One row of {@code crm.history_event}, named as its columns; {@link #json()} is its line
 * of {@code JSONEachRow}, which the outbox stores as it will be sent.
 */
record HistoryEvent(@JsonProperty("event_id") long eventId, @JsonProperty("event_time") String eventTime,
		@JsonProperty("event_date") String eventDate, String event, String type, long id,
		@JsonProperty("old_status") String oldStatus, @JsonProperty("new_status") String newStatus, String activity,
		String actor, String assignee, String group, String service, String priority, String channel,
		@JsonProperty("close_reason") String closeReason, @JsonProperty("seconds_to_assign") Long secondsToAssign,
		@JsonProperty("seconds_to_close") Long secondsToClose) {

	static final String STATUS = "STATUS";

	static final String ACTIVITY = "ACTIVITY";

	static final String REQUEST = "request";

	static final String INCIDENT = "incident";

	/** ClickHouse's DateTime text; the column is {@code DateTime('UTC')}. */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	/** The largest UInt32. */
	private static final long MAX_SECONDS = 4_294_967_295L;

	private static final ObjectMapper json = new ObjectMapper();

	/** The event id of a status row: even, so that no activity row has it. */
	static long ofStatus(long statusId) {
		return statusId * 2;
	}

	/** The event id of an activity row: odd. */
	static long ofActivity(long activityId) {
		return activityId * 2 + 1;
	}

	static String time(Instant at) {
		return TIME.format(at);
	}

	static String date(Instant at) {
		return DATE.format(at);
	}

	/**
	 * Whole seconds from {@code from} to {@code to}, within UInt32 (0 for a clock skew).
	 */
	static long seconds(Instant from, Instant to) {
		return Math.min(Math.max(Duration.between(from, to).getSeconds(), 0), MAX_SECONDS);
	}

	String json() {
		try {
			return json.writeValueAsString(this);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A history row could not be written as JSON", ex);
		}
	}

}
