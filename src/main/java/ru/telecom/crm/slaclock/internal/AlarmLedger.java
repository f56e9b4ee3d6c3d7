package ru.telecom.crm.slaclock.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.telecom.crm.sla.AlarmSchedule.Alarm;

/**
 * The alarms each incident has sounded ({@code incident_sla_alarm}): its primary key
 * makes a second sounding of one alarm impossible, whatever retries or restarts happen.
 */
@Component
class AlarmLedger {

	private final JdbcTemplate jdbc;

	AlarmLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The keys of the incident's alarms already sounded. */
	Set<String> sounded(long incidentId) {
		return new HashSet<>(this.jdbc.queryForList("select alarm_key from incident_sla_alarm where incident_id = ?",
				String.class, incidentId));
	}

	void record(long incidentId, Alarm alarm, Instant soundedAt) {
		this.jdbc.update(
				"insert into incident_sla_alarm (incident_id, alarm_key, due_at, sounded_at) values (?, ?, ?, ?)",
				incidentId, alarm.key(), Timestamp.from(alarm.at()), Timestamp.from(soundedAt));
	}

}
