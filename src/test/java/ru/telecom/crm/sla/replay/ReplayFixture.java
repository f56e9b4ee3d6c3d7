package ru.telecom.crm.sla.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A replayed week read from its text file under {@code src/test/resources/sla/}: the
 * incidents with their status rows (and who each names), priority and calendar changes,
 * reassignments, the instants they are read at, the figures expected at each reading and
 * the report figures expected of the week. The format is described at the top of each
 * file. Public for the report module's test of the same weeks.
 */
public final class ReplayFixture {

	/** The two weeks: Berlin's autumn clock change, and Moscow's Unity Day. */
	public static final List<String> WEEKS = List.of("replayed-week-2026-10-19.txt", "replayed-week-2026-11-02.txt");

	static final String NONE = "-";

	/**
	 * The work group each calendar belongs to in the reports: a calendar change is a move
	 * to that group (300 is the replay's own Berlin group; the demo has none).
	 */
	public static final Map<String, Integer> GROUP_OF_CALENDAR = Map.of("msk-office", 100, "msk-24x7", 200, "berlin",
			300);

	/**
	 * What a service of {@code -} (the priority's default policy) is called in reports.
	 */
	public static final int SERVICE_WITHOUT_POLICY = 9001;

	final String name;

	final List<String> lines;

	public final Map<String, Incident> incidents = new LinkedHashMap<>();

	final List<Expectation> expectations = new ArrayList<>();

	/** The expected report figures, in the order written. */
	public final List<ReportLine> reports = new ArrayList<>();

	Instant end;

	/** The reports' week {@code [from, to)}; {@code null} when the file names none. */
	Instant[] period;

	/** The instants of the backlog ageing reports. */
	final List<Instant> ageingAt = new ArrayList<>();

	private ReplayFixture(String name, List<String> lines) {
		this.name = name;
		this.lines = lines;
		for (int number = 1; number <= lines.size(); number++) {
			parse(number, lines.get(number - 1));
		}
		Objects.requireNonNull(this.end, name + " names no end");
	}

	public static ReplayFixture load(String name) {
		try (InputStream in = ReplayFixture.class.getResourceAsStream("/sla/" + name)) {
			Objects.requireNonNull(in, "no resource sla/" + name);
			return new ReplayFixture(name, List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ReplayFixture of(String name, List<String> lines) {
		return new ReplayFixture(name, lines);
	}

	private void parse(int number, String line) {
		String text = line.strip();
		if (text.isEmpty() || text.startsWith("#")) {
			return;
		}
		String[] cells = Arrays.stream(text.split("\\|")).map(String::strip).toArray(String[]::new);
		try {
			switch (cells[0]) {
				case "end" -> this.end = instant(cells[1]);
				case "incident" -> this.incidents.put(cells[1],
						new Incident(cells[1], cells[2], cells[3].equals(NONE) ? null : cells[3], cells[4]));
				case "status" -> incident(cells[1]).events
					.add(new Event(instant(cells[2]), cells[0], cells[3], (cells.length > 4) ? cells[4] : null));
				case "priority", "calendar" ->
					incident(cells[1]).events.add(new Event(instant(cells[2]), cells[0], cells[3], null));
				case "check" -> incident(cells[1]).events.add(new Event(instant(cells[2]), cells[0], null, null));
				case "reassign" ->
					incident(cells[1]).reassignments.add(new Event(instant(cells[2]), cells[0], cells[3], null));
				case "period" -> this.period = new Instant[] { instant(cells[1]), instant(cells[2]) };
				case "ageing" -> this.ageingAt.add(instant(cells[1]));
				case "report" ->
					this.reports.add(new ReportLine(number, cells[1], cells[2], cells[3], cells[4], cells[5]));
				case "expect" ->
					this.expectations.add(new Expectation(number, cells[1], instant(cells[2]), cells[3], cells[4]));
				default -> throw new IllegalArgumentException("unknown line kind " + cells[0]);
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(this.name + ":" + number + ": " + line, ex);
		}
	}

	private Incident incident(String id) {
		return Objects.requireNonNull(this.incidents.get(id), () -> "incident " + id + " is not declared");
	}

	/** Every reading: each incident at each of its lines' instants and at the end. */
	List<Checkpoint> checkpoints() {
		List<Checkpoint> checkpoints = new ArrayList<>();
		for (Incident incident : this.incidents.values()) {
			TreeSet<Instant> instants = new TreeSet<>();
			incident.events.forEach((event) -> instants.add(event.at()));
			instants.add(this.end);
			instants.forEach((at) -> checkpoints.add(new Checkpoint(incident, at)));
		}
		return checkpoints;
	}

	/** The expected figures of each reading, as written, by field. */
	Map<Checkpoint, Map<String, String>> expected() {
		Map<String, Incident> byId = this.incidents;
		Map<Checkpoint, Map<String, String>> expected = new LinkedHashMap<>();
		for (Expectation expectation : this.expectations) {
			Checkpoint checkpoint = new Checkpoint(byId.get(expectation.incident()), expectation.asOf());
			expected.computeIfAbsent(checkpoint, (key) -> new LinkedHashMap<>())
				.put(expectation.field(), expectation.value());
		}
		return expected;
	}

	/**
	 * An instant written as a local time with its offset, whole minutes only: every
	 * transition of the week falls on a minute.
	 */
	static Instant instant(String text) {
		Instant instant = OffsetDateTime.parse(text).toInstant();
		if (instant.getEpochSecond() % 60 != 0) {
			throw new IllegalArgumentException("not a whole minute: " + text);
		}
		return instant;
	}

	/**
	 * An instant as the local time of a zone with its offset, seconds only when it has
	 * some ({@code 2026-10-26T09:22:30+01:00}); {@code -} for none.
	 */
	static String text(Instant instant, ZoneId zone) {
		return (instant != null) ? instant.atZone(zone).toOffsetDateTime().toString() : NONE;
	}

	/** One incident as scripted. */
	public static final class Incident {

		public final String id;

		final String calendar;

		/** {@code null} for the priority's default policy. */
		public final String service;

		final String priority;

		final List<Event> events = new ArrayList<>();

		/** Its reassignments from one engineer to another, each naming the new one. */
		public final List<Event> reassignments = new ArrayList<>();

		Incident(String id, String calendar, String service, String priority) {
			this.id = id;
			this.calendar = calendar;
			this.service = service;
			this.priority = priority;
		}

		/** The status rows, in the order written (the calculators read them by time). */
		public List<Event> statuses() {
			return this.events.stream().filter((event) -> event.kind().equals("status")).toList();
		}

		/** The calendar in force at {@code asOf}: the last change at or before it. */
		public String calendarAt(Instant asOf) {
			return latest("calendar", asOf, this.calendar);
		}

		public String priorityAt(Instant asOf) {
			return latest("priority", asOf, this.priority);
		}

		private String latest(String kind, Instant asOf, String initial) {
			String value = initial;
			for (Event event : this.events) {
				if (event.kind().equals(kind) && !event.at().isAfter(asOf)) {
					value = event.value();
				}
			}
			return value;
		}

		@Override
		public String toString() {
			return this.id;
		}

	}

	/**
	 * One line of an incident's script; {@code user} is who a status row names (the
	 * engineer in charge), {@code null} when none.
	 */
	public record Event(Instant at, String kind, String value, String user) {
	}

	/** An incident read as of an instant. */
	record Checkpoint(Incident incident, Instant asOf) {
	}

	/**
	 * One expected report figure, from line {@code line} of the file: {@code report} is
	 * {@code compliance}, {@code ageing}, {@code queue} or {@code engineers}.
	 */
	public record ReportLine(int line, String report, String parameters, String row, String field, String value) {

		/** Everything but the value: what the figure is. */
		public String key() {
			return String.join(" | ", this.report, this.parameters, this.row, this.field);
		}

	}

	/** One expected figure, from line {@code line} of the file. */
	record Expectation(int line, String incident, Instant asOf, String field, String value) {
	}

}
