package ru.telecom.crm.notification;

import java.time.Instant;
import java.util.Objects;

import ru.telecom.crm.sla.AlarmSchedule;
import ru.telecom.crm.sla.Escalation;
import ru.telecom.crm.sla.SlaReading;

/**
 * What an alarm's mail says: which target, what happened, and for an escalation the level
 * and whom it reaches. Passed to the mail's process as one text ({@link #toText()}), so
 * that no object is serialized into the engine.
 */
public record SlaAlarmMail(SlaReading.Target target, AlarmSchedule.Kind kind, int level, Escalation escalation,
		Instant dueAt) {

	public SlaAlarmMail {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(dueAt, "dueAt");
	}

	/** The alarm's mail; {@code targetDueAt} is when its target is due. */
	public static SlaAlarmMail of(AlarmSchedule.Alarm alarm, Instant targetDueAt) {
		return new SlaAlarmMail(alarm.target(), alarm.kind(), alarm.level(), alarm.escalation(), targetDueAt);
	}

	/** {@code RESOLUTION|ESCALATION|2|GROUP_MANAGER|2026-11-02T10:00:00Z}. */
	public String toText() {
		return this.target + "|" + this.kind + "|" + this.level + "|"
				+ ((this.escalation != null) ? this.escalation : "") + "|" + this.dueAt;
	}

	public static SlaAlarmMail parse(String text) {
		String[] parts = text.split("\\|", -1);
		if (parts.length != 5) {
			throw new IllegalArgumentException("not an alarm: " + text);
		}
		return new SlaAlarmMail(SlaReading.Target.valueOf(parts[0]), AlarmSchedule.Kind.valueOf(parts[1]),
				Integer.parseInt(parts[2]), parts[3].isEmpty() ? null : Escalation.parse(parts[3]),
				Instant.parse(parts[4]));
	}

}
