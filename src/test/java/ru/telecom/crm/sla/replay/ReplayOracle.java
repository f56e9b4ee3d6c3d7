package ru.telecom.crm.sla.replay;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.telecom.crm.sla.replay.DemoSeed.PolicyRow;
import ru.telecom.crm.sla.replay.ReplayFixture.Event;
import ru.telecom.crm.sla.replay.ReplayFixture.Incident;

/**
 * A deliberately simple second opinion on the SLA arithmetic, sharing no code with the
 * sla module: it walks wall-clock time minute by minute from an incident's creation, asks
 * of each minute whether it is a working minute (its local date in the calendar's zone is
 * no holiday and its local time lies in one of that weekday's intervals) and whether the
 * clock runs in it, and counts. A target of {@code W} is reached inside the first counted
 * minute that brings the count to {@code W}. Everything it answers is in the words of
 * DESIGN §12 and issue 15:
 * <ul>
 * <li>the response clock runs from creation until the first {@code INWORK} or
 * {@code CLOSED}; the resolution clock from creation, standing still while
 * {@code ON_HOLD}, until {@code CLOSED}; instants not reached yet are projected with the
 * clock kept in the state it is in (also past its stop);
 * <li>warning at {@code warnAt} of the target, breach at the target, escalation level
 * {@code k} at {@code (1 + k × 0.25)} of it; the agent's manager and the head of support
 * wait for the helpdesk's next working minute unless the priority is {@code CRITICAL},
 * and no level comes before the one above it;
 * <li>a stopped clock keeps the warning and breach that came strictly before its stop and
 * has no escalations; a paused clock has nothing it has not reached.
 * </ul>
 */
final class ReplayOracle {

	private static final Instant FROM = Instant.parse("2026-09-01T00:00:00Z");

	private static final int MINUTES = 240 * 24 * 60;

	private static final long MINUTE = 60_000;

	private static final BigDecimal STEP = new BigDecimal("0.25");

	private final DemoSeed seed;

	private final Map<String, BitSet> working = new HashMap<>();

	ReplayOracle(DemoSeed seed) {
		this.seed = seed;
	}

	/** The figures of an incident as of an instant, by field, in the fixture's words. */
	Map<String, String> figures(Incident incident, Instant asOf) {
		return figures(incident, asOf, incident.calendarAt(asOf));
	}

	/** The same, the whole history read on {@code calendar}. */
	Map<String, String> figures(Incident incident, Instant asOf, String calendar) {
		ZoneId zone = this.seed.zones.get(calendar);
		String priority = incident.priorityAt(asOf);
		PolicyRow policy = this.seed.policy(incident.service, priority);
		List<Event> rows = new ArrayList<>(
				incident.statuses().stream().filter((row) -> !row.at().isAfter(asOf)).toList());
		rows.sort(Comparator.comparing(Event::at));
		Instant created = rows.get(0).at();
		Instant responded = null;
		Instant closed = null;
		List<Event> beforeClose = new ArrayList<>();
		for (Event row : rows) {
			if (responded == null && (row.value().equals("INWORK") || row.value().equals("CLOSED"))) {
				responded = row.at();
			}
			if (row.value().equals("CLOSED")) {
				closed = row.at();
				break;
			}
			beforeClose.add(row);
		}
		Walk response = walk(calendar, created, responded, asOf, List.of(), shares(policy, policy.responseMinutes()));
		Walk resolution = walk(calendar, created, closed, asOf, beforeClose,
				shares(policy, policy.resolutionMinutes()));

		Map<String, String> figures = new LinkedHashMap<>();
		clockFigures(figures, "response", response, responded, asOf, zone);
		clockFigures(figures, "resolution", resolution, closed, asOf, zone);
		boolean paused = closed == null && rows.get(rows.size() - 1).value().equals("ON_HOLD");
		figures.put("resolution.paused", String.valueOf(paused));

		List<Object[]> alarms = new ArrayList<>();
		alarms(alarms, "RESPONSE", response, responded, policy, priority);
		alarms(alarms, "RESOLUTION", resolution, closed, policy, priority);
		alarms.sort(Comparator.comparing((Object[] alarm) -> (Instant) alarm[1]));
		for (Object[] alarm : alarms) {
			figures.put("alarm " + alarm[0], ReplayFixture.text((Instant) alarm[1], zone));
		}
		return figures;
	}

	/** Warning, due, then each escalation level's share of the target, in ms. */
	private static long[] shares(PolicyRow policy, int targetMinutes) {
		long target = targetMinutes * MINUTE;
		long[] shares = new long[2 + policy.escalation().size()];
		shares[0] = new BigDecimal(target).multiply(new BigDecimal(policy.warnAt())).longValueExact();
		shares[1] = target;
		for (int k = 1; k <= policy.escalation().size(); k++) {
			shares[1 + k] = new BigDecimal(target).multiply(BigDecimal.ONE.add(STEP.multiply(BigDecimal.valueOf(k))))
				.longValueExact();
		}
		return shares;
	}

	private static void clockFigures(Map<String, String> figures, String name, Walk walk, Instant stop, Instant asOf,
			ZoneId zone) {
		Instant warning = walk.reached[0];
		Instant due = walk.reached[1];
		figures.put(name + ".used", Duration.ofMillis(walk.used).toString());
		figures.put(name + ".warningAt", ReplayFixture.text(warning, zone));
		figures.put(name + ".dueAt", ReplayFixture.text(due, zone));
		boolean breached = due != null && !due.isAfter(asOf) && (stop == null || due.isBefore(stop));
		figures.put(name + ".breachedAt", ReplayFixture.text(breached ? due : null, zone));
	}

	private void alarms(List<Object[]> alarms, String target, Walk walk, Instant stop, PolicyRow policy,
			String priority) {
		Instant warning = walk.reached[0];
		Instant due = walk.reached[1];
		if (warning != null && (stop == null || warning.isBefore(stop))) {
			alarms.add(new Object[] { target + ":WARNING:0", warning });
		}
		if (due != null && (stop == null || due.isBefore(stop))) {
			alarms.add(new Object[] { target + ":BREACH:0", due });
		}
		if (stop != null) {
			return;
		}
		Instant previous = null;
		for (int k = 1; k <= policy.escalation().size(); k++) {
			Instant at = walk.reached[1 + k];
			if (at == null) {
				return;
			}
			String level = policy.escalation().get(k - 1).split(":")[0];
			boolean helpdeskPerson = level.equals("AGENT_MANAGER") || level.equals("HEAD_OF_SUPPORT");
			if (helpdeskPerson && !priority.equals("CRITICAL")) {
				at = nextHelpdeskMoment(at);
			}
			if (previous != null && at.isBefore(previous)) {
				at = previous;
			}
			alarms.add(new Object[] { target + ":ESCALATION:" + k + " " + level, at });
			previous = at;
		}
	}

	/** The instant itself inside a working minute of the helpdesk, else the next one. */
	private Instant nextHelpdeskMoment(Instant at) {
		long minute = (at.toEpochMilli() - FROM.toEpochMilli()) / MINUTE;
		if (works(DemoSeed.HELPDESK, minute)) {
			return at;
		}
		while (!works(DemoSeed.HELPDESK, minute)) {
			minute++;
		}
		return FROM.plusMillis(minute * MINUTE);
	}

	/**
	 * Counts the clock's working minutes from {@code created}; it runs in a minute unless
	 * the last of {@code states} at or before the minute is {@code ON_HOLD} (no states:
	 * always). {@code used} stops at {@code stop} or {@code asOf}; the targets are
	 * reached along the same count, past the stop too.
	 */
	private Walk walk(String calendar, Instant created, Instant stop, Instant asOf, List<Event> states,
			long[] targets) {
		Instant usedEnd = (stop != null && stop.isBefore(asOf)) ? stop : asOf;
		Instant lastState = states.isEmpty() ? created : states.get(states.size() - 1).at();
		Instant[] reached = new Instant[targets.length];
		long counted = 0;
		long used = 0;
		int pending = targets.length;
		int state = -1;
		boolean running = true;
		for (Instant t = created;; t = t.plusMillis(MINUTE)) {
			while (state + 1 < states.size() && !states.get(state + 1).at().isAfter(t)) {
				state++;
				running = !states.get(state).value().equals("ON_HOLD");
			}
			long minute = (t.toEpochMilli() - FROM.toEpochMilli()) / MINUTE;
			if (running && works(calendar, minute)) {
				for (int j = 0; j < targets.length; j++) {
					if (reached[j] == null && counted + MINUTE >= targets[j]) {
						reached[j] = t.plusMillis(targets[j] - counted);
						pending--;
					}
				}
				counted += MINUTE;
				if (t.isBefore(usedEnd)) {
					used += MINUTE;
				}
			}
			boolean pastEverything = !t.isBefore(usedEnd) && !t.isBefore(lastState);
			if (pastEverything && (pending == 0 || !running)) {
				return new Walk(used, reached);
			}
		}
	}

	/** The working minutes of the calendar in {@code [from, to)}, one by one. */
	long workingMinutes(String calendar, Instant from, Instant to) {
		long count = 0;
		for (Instant t = from; t.isBefore(to); t = t.plusMillis(MINUTE)) {
			if (works(calendar, (t.toEpochMilli() - FROM.toEpochMilli()) / MINUTE)) {
				count++;
			}
		}
		return count;
	}

	/** Whether minute {@code minute} after {@link #FROM} is a working minute. */
	private boolean works(String calendar, long minute) {
		if (minute < 0 || minute >= MINUTES) {
			throw new IllegalStateException("the oracle reads " + FROM + " and the next " + MINUTES + " minutes");
		}
		return this.working.computeIfAbsent(calendar, this::workingMinutes).get((int) minute);
	}

	private BitSet workingMinutes(String calendar) {
		ZoneId zone = this.seed.zones.get(calendar);
		List<int[]> hours = this.seed.hours.get(calendar);
		Set<LocalDate> holidays = this.seed.holidays.get(calendar);
		BitSet bits = new BitSet(MINUTES);
		for (int i = 0; i < MINUTES; i++) {
			ZonedDateTime local = FROM.plusMillis(i * MINUTE).atZone(zone);
			if (holidays.contains(local.toLocalDate())) {
				continue;
			}
			DayOfWeek day = local.getDayOfWeek();
			int clock = local.getHour() * 60 + local.getMinute();
			for (int[] interval : hours) {
				if (interval[0] == day.getValue() && interval[1] <= clock && clock < interval[2]) {
					bits.set(i);
				}
			}
		}
		return bits;
	}

	/**
	 * The working time counted up to the stop or the reading, and each target's instant.
	 */
	private record Walk(long used, Instant[] reached) {
	}

}
