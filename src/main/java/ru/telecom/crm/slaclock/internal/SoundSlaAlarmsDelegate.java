package ru.telecom.crm.slaclock.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentClocks;
import ru.telecom.crm.notification.IncidentMailProcess;
import ru.telecom.crm.notification.MailKind;
import ru.telecom.crm.notification.SlaAlarmMail;
import ru.telecom.crm.shared.AfterCommit;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.sla.AlarmSchedule.Alarm;
import ru.telecom.crm.sla.AlarmSchedule.Kind;
import ru.telecom.crm.sla.SlaReading;
import ru.telecom.crm.sla.SlaSettings;
import ru.telecom.crm.slaclock.SlaClockProcess;
import ru.telecom.crm.slaclock.SlaClockProcess.State;
import ru.telecom.crm.status.ActivityKind;
import ru.telecom.crm.status.StatusRecorder;
import ru.telecom.crm.status.StatusRecorder.EntityType;

/**
 * The clock process's one step: reads the incident's clocks now, from its status history
 * and policy; sounds each alarm that is due and not yet sounded (the ledger's key makes
 * it once); and tells the process what comes next — the next alarm's instant for its
 * timer, a wait for a change while nothing is ahead, or the end once the incident is
 * closed.
 * <p>
 * Sounding an alarm, in the transaction of the step: its ledger row, the breach on the
 * incident, an {@code activity} row, and its mail queued (sent after commit by the mail
 * process, once per alarm). A clock started for an incident that was open before service
 * levels ({@link SlaClockProcess}'s start with {@code slaBackfill}) records the alarms
 * that came before it without mailing anybody about the past.
 */
@Component
class SoundSlaAlarmsDelegate implements JavaDelegate {

	/** A start variable: the clock of an incident opened before service levels. */
	static final String BACKFILL = "slaBackfill";

	private final IncidentApi incidents;

	private final AlarmLedger ledger;

	private final StatusRecorder history;

	private final RuntimeService runtime;

	private final Clock clock;

	private final MeterRegistry meters;

	/**
	 * How long a clock waits at most before it looks again; {@code null}: only on change.
	 */
	private final Duration recheck;

	SoundSlaAlarmsDelegate(IncidentApi incidents, AlarmLedger ledger, StatusRecorder history, RuntimeService runtime,
			Clock clock, MeterRegistry meters, SlaSettings settings) {
		this.recheck = (settings.clockRecheck() == null || settings.clockRecheck().isZero()) ? null
				: settings.clockRecheck();
		this.incidents = incidents;
		this.ledger = ledger;
		this.history = history;
		this.runtime = runtime;
		this.clock = clock;
		this.meters = meters;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long incidentId = Long.parseLong(execution.getProcessBusinessKey());
		Instant now = this.clock.instant();
		Optional<IncidentClocks> found = this.incidents.clocks(incidentId);
		if (found.isEmpty()) {
			// its service or group lost its service level: nothing more to measure
			next(execution, State.STOPPED, null);
			return;
		}
		IncidentClocks clocks = found.get();
		List<Alarm> alarms = clocks.alarms(now);
		List<Alarm> due = alarms.stream().filter((alarm) -> !alarm.at().isAfter(now)).toList();
		if (!due.isEmpty()) {
			boolean backfill = Boolean.TRUE.equals(execution.getVariable(BACKFILL));
			Set<String> sounded = this.ledger.sounded(incidentId);
			SlaReading reading = clocks.read(now);
			for (Alarm alarm : due) {
				if (sounded.add(alarm.key())) {
					Instant targetDue = ((alarm.target() == SlaReading.Target.RESPONSE) ? reading.response()
							: reading.resolution())
						.dueAt();
					sound(incidentId, alarm, (targetDue != null) ? targetDue : alarm.at(), now, backfill);
				}
			}
		}
		if (clocks.stopped()) {
			next(execution, State.STOPPED, null);
			return;
		}
		Optional<Instant> ahead = alarms.stream().map(Alarm::at).filter((at) -> at.isAfter(now)).findFirst();
		if (this.recheck == null) {
			next(execution, ahead.isPresent() ? State.RUNNING : State.WAITING, ahead.orElse(null));
			return;
		}
		// a look at the latest after the recheck, also with nothing ahead: a change whose
		// message was lost is made up for then
		Instant look = now.plus(this.recheck);
		next(execution, State.RUNNING, ahead.filter((at) -> at.isBefore(look)).orElse(look));
	}

	/**
	 * @param targetDueAt when the alarm's target is due: what a warning announces and
	 * what a breach or an escalation is overdue since
	 */
	private void sound(long incidentId, Alarm alarm, Instant targetDueAt, Instant now, boolean backfill) {
		this.ledger.record(incidentId, alarm, now);
		ActivityKind kind = switch (alarm.kind()) {
			case WARNING -> ActivityKind.SLA_WARNING;
			case BREACH -> ActivityKind.SLA_BREACHED;
			case ESCALATION -> ActivityKind.SLA_ESCALATED;
		};
		if (alarm.kind() == Kind.BREACH) {
			this.incidents.recordBreach(incidentId, alarm.target(), alarm.at());
		}
		String details = alarm.target()
				+ ((alarm.kind() == Kind.ESCALATION) ? " level " + alarm.level() + " " + alarm.escalation().level()
						: "")
				+ ", due at " + targetDueAt + (backfill ? " (before the incident's clock started: not mailed)" : "");
		this.history.activity(EntityType.INCIDENT, incidentId, kind.name(), CurrentActor.SYSTEM, details);
		if (!backfill) {
			queueMail(incidentId, alarm, targetDueAt);
		}
		Duration late = Duration.between(alarm.at(), now);
		AfterCommit.run(() -> {
			Counter.builder("crm.sla.alarms")
				.description("Alarms of incidents' service levels sounded, by target and kind")
				.tags("target", alarm.target().name(), "kind", alarm.kind().name())
				.register(this.meters)
				.increment();
			if (!backfill) {
				Timer.builder("crm.sla.alarm.lateness")
					.description("How long after its due instant an alarm was sounded")
					.publishPercentiles(0.5, 0.99)
					.register(this.meters)
					.record(late.isNegative() ? Duration.ZERO : late);
			}
		});
	}

	private void queueMail(long incidentId, Alarm alarm, Instant targetDueAt) {
		String eventKey = "incident-" + incidentId + ".sla." + alarm.key().toLowerCase().replace(':', '-');
		EngineCalls
			.asApp(() -> this.runtime.startProcessInstanceByKey(IncidentMailProcess.KEY, String.valueOf(incidentId),
					Map.of(IncidentMailProcess.INCIDENT_ID, incidentId, IncidentMailProcess.MAIL_KIND,
							MailKind.SLA_ALARM.name(), IncidentMailProcess.EVENT_KEY, eventKey,
							IncidentMailProcess.SLA_ALARM, SlaAlarmMail.of(alarm, targetDueAt).toText())));
	}

	/** Transient: read by the gateway and the timer in this command, never stored. */
	private static void next(DelegateExecution execution, State state, Instant nextAlarmAt) {
		execution.setVariable(SlaClockProcess.CLOCK_STATE, Variables.stringValue(state.name(), true));
		execution.setVariable(SlaClockProcess.NEXT_ALARM_AT,
				Variables.dateValue((nextAlarmAt != null) ? Date.from(nextAlarmAt) : null, true));
	}

}
