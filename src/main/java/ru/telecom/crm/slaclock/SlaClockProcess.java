package ru.telecom.crm.slaclock;

/** The names the incident's service-level clock process and the app share. */
public final class SlaClockProcess {

	public static final String KEY = "IncidentSlaClock";

	/** Moves the clocks: the incident's status, priority or calendar changed. */
	public static final String MESSAGE_CHANGED = "Msg_SlaClockChanged";

	/**
	 * What the clocks do after a step, a transient variable: {@code RUNNING} (an alarm
	 * ahead, at {@link #NEXT_ALARM_AT}), {@code WAITING} (paused or nothing left ahead
	 * while open) or {@code STOPPED} (closed).
	 */
	public static final String CLOCK_STATE = "slaClockState";

	/** When the next alarm is due, a transient variable: the timer's due date. */
	public static final String NEXT_ALARM_AT = "nextAlarmAt";

	public static final String EVENT_ALARM_DUE = "Event_AlarmDue";

	/** Where a clock with an alarm ahead waits: for its timer or for a change. */
	public static final String GATEWAY_ALARM_OR_CHANGE = "Gateway_AlarmOrChange";

	private SlaClockProcess() {
	}

	/** What the clocks do after a step. */
	public enum State {

		RUNNING, WAITING, STOPPED

	}

}
