package ru.telecom.crm.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import ru.telecom.crm.sla.SlaReading.Target;

/**
 * The alarms of an incident's two clocks (DESIGN §12), placed along the working time each
 * clock uses, so that a pause, a priority change or a new calendar moves them with the
 * clock:
 * <ul>
 * <li>the <b>warning</b> when the clock has used the policy's warning share of the
 * target;
 * <li>the <b>breach</b> when it has used the whole target;
 * <li>then each level {@code k} of the policy's escalation chain when it has used
 * {@code (1 + k × step)} of the target. A level that reaches a person of the helpdesk
 * (the request agent's manager, the head of support) waits for the helpdesk's working
 * hours unless the priority is {@code CRITICAL}; a level never comes before the one above
 * it.
 * </ul>
 * A clock that stopped keeps the warning and breach that came while it ran (they are
 * facts to record, also late) and loses its escalations: nobody is chased about an
 * incident that has moved on. A paused clock has nothing ahead until it runs again.
 */
public final class AlarmSchedule {

	/** What an alarm does. */
	public enum Kind {

		WARNING, BREACH, ESCALATION

	}

	/**
	 * One alarm of one clock.
	 *
	 * @param level 0 for the warning and the breach; 1, 2… for the escalation chain's
	 * levels in order
	 * @param escalation the chain's level; {@code null} for the warning and the breach
	 * @param at when it is due
	 */
	public record Alarm(Target target, Kind kind, int level, Escalation escalation, Instant at) {

		public Alarm {
			Objects.requireNonNull(target, "target");
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(at, "at");
		}

		/** The alarm's name within its incident, the same however often it is placed. */
		public String key() {
			return this.target + ":" + this.kind + ":" + this.level;
		}

	}

	/** The escalation step when none is configured: a quarter of the target. */
	public static final BigDecimal DEFAULT_STEP = new BigDecimal("0.25");

	private final SlaClock clock;

	private final BigDecimal step;

	private final WorkingTime helpdesk;

	private final boolean critical;

	/**
	 * @param step the share of the target between two escalation levels
	 * @param helpdesk the helpdesk's calendar, whose hours people of the helpdesk are
	 * reminded in; without it they are reminded at once
	 * @param critical whether the priority is {@code CRITICAL}: reminders go out at once
	 */
	public AlarmSchedule(SlaClock clock, BigDecimal step, Optional<BusinessCalendar> helpdesk, boolean critical) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.step = Objects.requireNonNull(step, "step");
		if (step.signum() <= 0) {
			throw new IllegalArgumentException("the escalation step must be positive: " + step);
		}
		this.helpdesk = helpdesk.map(WorkingTime::new).orElse(null);
		this.critical = critical;
	}

	public SlaClock clock() {
		return this.clock;
	}

	/**
	 * Every alarm of both clocks as read at {@code now}, in the order they come: those
	 * passed (to record, if not yet) and those ahead of a running clock.
	 */
	public List<Alarm> alarms(List<StatusChange> history, Instant now) {
		SlaReading reading = this.clock.read(history, now);
		List<Alarm> alarms = new ArrayList<>();
		add(alarms, history, now, Target.RESPONSE, reading.response());
		add(alarms, history, now, Target.RESOLUTION, reading.resolution());
		alarms.sort(Comparator.comparing(Alarm::at).thenComparing(Alarm::target).thenComparing(Alarm::level));
		return alarms;
	}

	/** The alarms due at {@code now}: passed, in order. */
	public List<Alarm> due(List<StatusChange> history, Instant now) {
		return alarms(history, now).stream().filter((alarm) -> !alarm.at().isAfter(now)).toList();
	}

	/** The first alarm after {@code now}, if a running clock has one ahead. */
	public Optional<Alarm> next(List<StatusChange> history, Instant now) {
		return alarms(history, now).stream().filter((alarm) -> alarm.at().isAfter(now)).findFirst();
	}

	private void add(List<Alarm> alarms, List<StatusChange> history, Instant now, Target target, ClockReading reading) {
		if (reading.warningAt() != null && passedOrAhead(reading, reading.warningAt())) {
			alarms.add(new Alarm(target, Kind.WARNING, 0, null, reading.warningAt()));
		}
		if (reading.dueAt() != null && passedOrAhead(reading, reading.dueAt())) {
			alarms.add(new Alarm(target, Kind.BREACH, 0, null, reading.dueAt()));
		}
		if (reading.stoppedAt() != null) {
			return;
		}
		List<Escalation> chain = this.clock.policy().escalation();
		Instant previous = null;
		for (int level = 1; level <= chain.size(); level++) {
			Escalation escalation = chain.get(level - 1);
			Instant at = this.clock.reach(history, now, target, escalationAfter(reading.target(), level));
			if (at == null) {
				return;
			}
			at = inRecipientsHours(escalation, at);
			if (previous != null && at.isBefore(previous)) {
				at = previous;
			}
			alarms.add(new Alarm(target, Kind.ESCALATION, level, escalation, at));
			previous = at;
		}
	}

	/** A clock that stopped keeps what came strictly before its stop. */
	private static boolean passedOrAhead(ClockReading reading, Instant at) {
		return reading.stoppedAt() == null || at.isBefore(reading.stoppedAt());
	}

	/** The working time after which level {@code level} is due. */
	private Duration escalationAfter(Duration target, int level) {
		BigDecimal share = BigDecimal.ONE.add(this.step.multiply(BigDecimal.valueOf(level)));
		BigDecimal nanos = new BigDecimal(target.toNanos()).multiply(share).setScale(0, RoundingMode.HALF_UP);
		return Duration.ofNanos(nanos.longValueExact());
	}

	/**
	 * People of the work group work by the clock's own calendar, so its instants are in
	 * their hours; people of the helpdesk are reminded in the helpdesk's.
	 */
	private Instant inRecipientsHours(Escalation escalation, Instant at) {
		boolean helpdeskPerson = escalation.level() == EscalationLevel.AGENT_MANAGER
				|| escalation.level() == EscalationLevel.HEAD_OF_SUPPORT;
		if (this.critical || !helpdeskPerson || this.helpdesk == null) {
			return at;
		}
		return this.helpdesk.nextWorkingInstant(at);
	}

}
