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
		return this.schedule.clock().read(this.history, notBeforeHistory(now));
	}

	/** The alarms passed by {@code now}, in order. */
	public List<Alarm> due(Instant now) {
		return this.schedule.due(this.history, notBeforeHistory(now));
	}

	/** Every alarm as placed at {@code now}, passed and ahead. */
	public List<Alarm> alarms(Instant now) {
		return this.schedule.alarms(this.history, notBeforeHistory(now));
	}

	/**
	 * {@code now}, or the history's last instant when that is later: a node whose clock
	 * lags the one that wrote the last row reads the clocks as that row left them, never
	 * as if the row (or the incident) were yet to come.
	 */
	private Instant notBeforeHistory(Instant now) {
		return this.history.stream().map(StatusChange::at).filter(now::isBefore).max(Instant::compareTo).orElse(now);
	}

	/** Whether both clocks have stopped for good: the incident is closed. */
	public boolean stopped() {
		return this.incident.status() == IncidentStatus.CLOSED;
	}

}
