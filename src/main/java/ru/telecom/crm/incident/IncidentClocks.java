package ru.telecom.crm.incident;

import java.time.Instant;
import java.util.List;

import ru.telecom.crm.sla.AlarmSchedule;
import ru.telecom.crm.sla.AlarmSchedule.Alarm;
import ru.telecom.crm.sla.SlaReading;
import ru.telecom.crm.sla.StatusChange;

/**
 * An incident's service level: its alarm schedule (its policy over its work group's
 * calendar, at its present priority) and its status history, the one source every due
 * instant is read from.
 */
public record IncidentClocks(IncidentView incident, AlarmSchedule schedule, List<StatusChange> history) {

	public IncidentClocks {
		history = List.copyOf(history);
	}

	/** Both clocks as of {@code now}. */
	public SlaReading read(Instant now) {
		return this.schedule.clock().read(this.history, now);
	}

	/** The alarms passed by {@code now}, in order. */
	public List<Alarm> due(Instant now) {
		return this.schedule.due(this.history, now);
	}

	/** Every alarm as placed at {@code now}, passed and ahead. */
	public List<Alarm> alarms(Instant now) {
		return this.schedule.alarms(this.history, now);
	}

	/** Whether both clocks have stopped for good: the incident is closed. */
	public boolean stopped() {
		return this.incident.status() == IncidentStatus.CLOSED;
	}

}
