package ru.telecom.crm.sla.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import ru.telecom.crm.sla.replay.ReplayFixture.Event;
import ru.telecom.crm.sla.replay.ReplayFixture.Incident;
import ru.telecom.crm.sla.replay.ReplayFixture.ReportLine;

/**
 * A second opinion on the four reports of a replayed week, sharing no code with the
 * report module: clocks and working time come from {@link ReplayOracle}'s minute walk,
 * the rest is counting in the words of issue 15 (item 4) and the report records:
 * <ul>
 * <li>an incident belongs to the work group of the calendar in force at the report's
 * instant ({@link ReplayFixture#GROUP_OF_CALENDAR}), has the priority it had then, was
 * created at its first status row and closed at its first {@code CLOSED} row;
 * <li>SLA compliance: the incidents created in the week, read as of its end (or, while it
 * lasts, of an ageing instant, counting those created by then); a target is breached when
 * its due instant passed with the clock not stopped before it, met when the clock stopped
 * otherwise, open else, and at risk when open past its warning instant;
 * <li>backlog ageing: the incidents open at the instant (created at or before it, not
 * closed at or before it) by working minutes since creation, buckets from 0, 4, 8, 24 and
 * 72 working hours; the oldest is the longest open, of equal age the earlier created,
 * then the one written first;
 * <li>queue health: arrivals and completions in the week and per day of the helpdesk's
 * zone, work in progress and the oldest open at the week's end; a group has a row when it
 * has any of them;
 * <li>engineer performance: the incidents closed in the week, credited to the user their
 * {@code CLOSED} row names ({@value #NOBODY} when none), with the working minutes until
 * the first {@code INWORK} (or {@code CLOSED}) and until {@code CLOSED} without the
 * {@code ON_HOLD} time; median and 90th percentile are the smallest value that at least
 * half (nine tenths) of the values do not exceed; reassignments up to the week's end.
 * </ul>
 */
final class ReportOracle {

	static final String NOBODY = "(unassigned)";

	private static final List<String> PRIORITIES = List.of("CRITICAL", "HIGH", "NORMAL", "LOW");

	private static final List<String> BUCKETS = List.of("<4h", "4-8h", "8-24h", "1-3d", ">3d");

	private static final long[] BUCKET_FROM_MINUTES = { 0, 4 * 60, 8 * 60, 24 * 60, 72 * 60 };

	private static final List<String> TARGET_FIELDS = List.of("met", "breached", "open", "atRisk");

	private final ReplayOracle clocks;

	private final ZoneId helpdesk;

	ReportOracle(DemoSeed seed) {
		this.clocks = new ReplayOracle(seed);
		this.helpdesk = seed.zones.get(DemoSeed.HELPDESK);
	}

	/** Every report figure of the week, in the order the writer puts them down. */
	List<ReportLine> lines(ReplayFixture fixture) {
		List<ReportLine> lines = new ArrayList<>();
		if (fixture.period == null) {
			return lines;
		}
		Instant from = fixture.period[0];
		Instant to = fixture.period[1];
		String week = text(from) + "/" + text(to);
		compliance(lines, fixture, from, to, to, week + " by group", (incident) -> String.valueOf(group(incident, to)));
		compliance(lines, fixture, from, to, to, week + " by priority", (incident) -> incident.priorityAt(to));
		for (Instant at : fixture.ageingAt) {
			if (at.isBefore(to)) {
				// the week's report while it lasts
				compliance(lines, fixture, from, to, at, week + " by group as of " + text(at),
						(incident) -> String.valueOf(group(incident, at)));
			}
		}
		for (Instant at : fixture.ageingAt) {
			ageing(lines, fixture, at);
		}
		queue(lines, fixture, from, to, week + " by group");
		engineers(lines, fixture, from, to, week);
		return lines;
	}

	private void compliance(List<ReportLine> lines, ReplayFixture fixture, Instant from, Instant to, Instant asOf,
			String parameters, Function<Incident, String> key) {
		Map<String, long[]> rows = new TreeMap<>(parameters.endsWith("by priority")
				? Comparator.comparingInt(PRIORITIES::indexOf) : Comparator.comparingInt(Integer::parseInt));
		long[] total = new long[10];
		for (Incident incident : fixture.incidents.values()) {
			Instant created = created(incident);
			if (created.isBefore(from) || !created.isBefore(to) || created.isAfter(asOf)) {
				continue;
			}
			long[] counts = new long[10];
			// every demo priority has a default policy, every group of the replay a
			// calendar
			counts[0] = 1;
			Map<String, String> figures = this.clocks.figures(incident, asOf);
			target(counts, 2, figures, "response", first(incident, asOf, "INWORK", "CLOSED"), asOf);
			target(counts, 6, figures, "resolution", first(incident, asOf, "CLOSED"), asOf);
			long[] row = rows.computeIfAbsent(key.apply(incident), (ignored) -> new long[10]);
			for (int i = 0; i < counts.length; i++) {
				row[i] += counts[i];
				total[i] += counts[i];
			}
		}
		Map<String, long[]> all = new LinkedHashMap<>(rows);
		all.put("total", total);
		all.forEach((row, counts) -> {
			add(lines, "compliance", parameters, row, "incidents", counts[0]);
			add(lines, "compliance", parameters, row, "withoutPolicy", counts[1]);
			for (int i = 0; i < 4; i++) {
				add(lines, "compliance", parameters, row, "response." + TARGET_FIELDS.get(i), counts[2 + i]);
			}
			for (int i = 0; i < 4; i++) {
				add(lines, "compliance", parameters, row, "resolution." + TARGET_FIELDS.get(i), counts[6 + i]);
			}
		});
	}

	private static void target(long[] counts, int offset, Map<String, String> figures, String clock, Instant stop,
			Instant asOf) {
		String warning = figures.get(clock + ".warningAt");
		if (!figures.get(clock + ".breachedAt").equals(ReplayFixture.NONE)) {
			counts[offset + 1]++;
		}
		else if (stop != null) {
			counts[offset]++;
		}
		else {
			counts[offset + 2]++;
			if (!warning.equals(ReplayFixture.NONE) && !OffsetDateTime.parse(warning).toInstant().isAfter(asOf)) {
				counts[offset + 3]++;
			}
		}
	}

	private void ageing(List<ReportLine> lines, ReplayFixture fixture, Instant at) {
		String parameters = text(at) + " by group";
		Map<String, Backlog> rows = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
		Backlog total = new Backlog();
		int order = 0;
		for (Incident incident : fixture.incidents.values()) {
			order++;
			if (openAt(incident, at)) {
				Open open = new Open(incident, order, age(incident, at));
				rows.computeIfAbsent(String.valueOf(group(incident, at)), (key) -> new Backlog()).add(open);
				total.add(open);
			}
		}
		Map<String, Backlog> all = new LinkedHashMap<>(rows);
		all.put("total", total);
		all.forEach((row, backlog) -> {
			add(lines, "ageing", parameters, row, "open", backlog.open);
			for (int i = 0; i < BUCKETS.size(); i++) {
				add(lines, "ageing", parameters, row, "age " + BUCKETS.get(i), backlog.buckets[i]);
			}
			oldest(lines, "ageing", parameters, row, "oldest", backlog.oldest);
		});
	}

	private void queue(List<ReportLine> lines, ReplayFixture fixture, Instant from, Instant to, String parameters) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = LocalDate.ofInstant(from, this.helpdesk); day.atStartOfDay(this.helpdesk)
			.toInstant()
			.isBefore(to); day = day.plusDays(1)) {
			days.add(day);
		}
		Map<String, Queue> rows = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
		Queue total = new Queue();
		int order = 0;
		for (Incident incident : fixture.incidents.values()) {
			order++;
			Instant created = created(incident);
			Instant closed = closed(incident);
			boolean arrived = !created.isBefore(from) && created.isBefore(to);
			boolean completed = closed != null && !closed.isBefore(from) && closed.isBefore(to);
			boolean open = openAt(incident, to);
			if (!arrived && !completed && !open) {
				continue;
			}
			Queue row = rows.computeIfAbsent(String.valueOf(group(incident, to)), (key) -> new Queue());
			for (Queue queue : List.of(row, total)) {
				if (arrived) {
					queue.arrivals.merge(LocalDate.ofInstant(created, this.helpdesk), 1L, Long::sum);
				}
				if (completed) {
					queue.completions.merge(LocalDate.ofInstant(closed, this.helpdesk), 1L, Long::sum);
				}
				if (open) {
					queue.backlog.add(new Open(incident, order, age(incident, to)));
				}
			}
		}
		Map<String, Queue> all = new LinkedHashMap<>(rows);
		all.put("total", total);
		all.forEach((row, queue) -> {
			add(lines, "queue", parameters, row, "arrivals", sum(queue.arrivals));
			add(lines, "queue", parameters, row, "completions", sum(queue.completions));
			for (LocalDate day : days) {
				add(lines, "queue", parameters, row, day + " arrivals", queue.arrivals.getOrDefault(day, 0L));
				add(lines, "queue", parameters, row, day + " completions", queue.completions.getOrDefault(day, 0L));
			}
			add(lines, "queue", parameters, row, "workInProgress", queue.backlog.open);
			oldest(lines, "queue", parameters, row, "oldestOpen", queue.backlog.oldest);
		});
	}

	private void engineers(List<ReportLine> lines, ReplayFixture fixture, Instant from, Instant to, String parameters) {
		Map<String, List<long[]>> handled = new TreeMap<>();
		Map<String, Long> reassignments = new TreeMap<>();
		for (Incident incident : fixture.incidents.values()) {
			Instant closed = closed(incident);
			if (closed == null || closed.isBefore(from) || !closed.isBefore(to)) {
				continue;
			}
			String engineer = closingRow(incident).user();
			engineer = (engineer != null) ? engineer : NOBODY;
			Map<String, String> figures = this.clocks.figures(incident, closed, incident.calendarAt(to));
			handled.computeIfAbsent(engineer, (key) -> new ArrayList<>())
				.add(new long[] { minutes(figures.get("response.used")), minutes(figures.get("resolution.used")) });
			long moves = incident.reassignments.stream().filter((move) -> !move.at().isAfter(to)).count();
			reassignments.merge(engineer, moves, Long::sum);
		}
		handled.forEach((engineer, times) -> {
			add(lines, "engineers", parameters, engineer, "handled", times.size());
			add(lines, "engineers", parameters, engineer, "respond.median", share(times, 0, 50));
			add(lines, "engineers", parameters, engineer, "respond.p90", share(times, 0, 90));
			add(lines, "engineers", parameters, engineer, "resolve.median", share(times, 1, 50));
			add(lines, "engineers", parameters, engineer, "resolve.p90", share(times, 1, 90));
			add(lines, "engineers", parameters, engineer, "reassignments", reassignments.get(engineer));
		});
	}

	/**
	 * The smallest of the values that at least {@code percent} % of them do not exceed.
	 */
	private static long share(List<long[]> times, int column, int percent) {
		List<Long> values = times.stream().map((time) -> time[column]).sorted().toList();
		for (long value : values) {
			long notExceeding = values.stream().filter((other) -> other <= value).count();
			if (notExceeding * 100 >= (long) percent * values.size()) {
				return value;
			}
		}
		throw new IllegalStateException("no values");
	}

	private long age(Incident incident, Instant at) {
		return this.clocks.workingMinutes(incident.calendarAt(at), created(incident), at);
	}

	private static int group(Incident incident, Instant at) {
		return ReplayFixture.GROUP_OF_CALENDAR.get(incident.calendarAt(at));
	}

	private static boolean openAt(Incident incident, Instant at) {
		Instant closed = closed(incident);
		return !created(incident).isAfter(at) && (closed == null || closed.isAfter(at));
	}

	private static Instant created(Incident incident) {
		return incident.statuses().stream().map(Event::at).min(Comparator.naturalOrder()).orElseThrow();
	}

	private static Instant closed(Incident incident) {
		Event row = closingRow(incident);
		return (row != null) ? row.at() : null;
	}

	private static Event closingRow(Incident incident) {
		return incident.statuses()
			.stream()
			.filter((row) -> row.value().equals("CLOSED"))
			.min(Comparator.comparing(Event::at))
			.orElse(null);
	}

	/** The first row of one of the statuses at or before {@code asOf}, if any. */
	private static Instant first(Incident incident, Instant asOf, String... statuses) {
		return incident.statuses()
			.stream()
			.filter((row) -> List.of(statuses).contains(row.value()) && !row.at().isAfter(asOf))
			.map(Event::at)
			.min(Comparator.naturalOrder())
			.orElse(null);
	}

	private static long minutes(String duration) {
		long seconds = Duration.parse(duration).toSeconds();
		if (seconds % 60 != 0) {
			throw new IllegalStateException("not whole minutes: " + duration);
		}
		return seconds / 60;
	}

	private static long sum(Map<LocalDate, Long> perDay) {
		return perDay.values().stream().mapToLong(Long::longValue).sum();
	}

	private String text(Instant instant) {
		return ReplayFixture.text(instant, this.helpdesk);
	}

	private static void oldest(List<ReportLine> lines, String report, String parameters, String row, String field,
			Open oldest) {
		lines.add(new ReportLine(0, report, parameters, row, field,
				(oldest != null) ? oldest.incident().id : ReplayFixture.NONE));
		lines.add(new ReportLine(0, report, parameters, row, field + ".minutes",
				(oldest != null) ? String.valueOf(oldest.minutes()) : ReplayFixture.NONE));
	}

	private static void add(List<ReportLine> lines, String report, String parameters, String row, String field,
			long value) {
		lines.add(new ReportLine(0, report, parameters, row, field, String.valueOf(value)));
	}

	/** An open incident, the how-manyth written, and its working minutes open. */
	private record Open(Incident incident, int order, long minutes) {

		static final Comparator<Open> OLDEST_FIRST = Comparator.comparingLong(Open::minutes)
			.reversed()
			.thenComparing((open) -> created(open.incident()))
			.thenComparingInt(Open::order);

	}

	private static final class Backlog {

		long open;

		final long[] buckets = new long[BUCKETS.size()];

		Open oldest;

		void add(Open incident) {
			this.open++;
			int bucket = BUCKETS.size() - 1;
			while (incident.minutes() < BUCKET_FROM_MINUTES[bucket]) {
				bucket--;
			}
			this.buckets[bucket]++;
			if (this.oldest == null || Open.OLDEST_FIRST.compare(incident, this.oldest) < 0) {
				this.oldest = incident;
			}
		}

	}

	private static final class Queue {

		final Map<LocalDate, Long> arrivals = new TreeMap<>();

		final Map<LocalDate, Long> completions = new TreeMap<>();

		final Backlog backlog = new Backlog();

	}

}
