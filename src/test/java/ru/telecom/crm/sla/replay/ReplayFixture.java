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
 * incidents with their status rows, priority and calendar changes, the instants they are
 * read at, and the figures expected at each reading. The format is described at the top
 * of each file.
 */
final class ReplayFixture {

	/** The two weeks: Berlin's autumn clock change, and Moscow's Unity Day. */
	static final List<String> WEEKS = List.of("replayed-week-2026-10-19.txt", "replayed-week-2026-11-02.txt");

	static final String NONE = "-";

	final String name;

	final List<String> lines;

	final Map<String, Incident> incidents = new LinkedHashMap<>();

	final List<Expectation> expectations = new ArrayList<>();

	Instant end;

	private ReplayFixture(String name, List<String> lines) {
		this.name = name;
		this.lines = lines;
		for (int number = 1; number <= lines.size(); number++) {
			parse(number, lines.get(number - 1));
		}
		Objects.requireNonNull(this.end, name + " names no end");
	}

	static ReplayFixture load(String name) {
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
				case "status", "priority", "calendar" ->
					incident(cells[1]).events.add(new Event(instant(cells[2]), cells[0], cells[3]));
				case "check" -> incident(cells[1]).events.add(new Event(instant(cells[2]), cells[0], null));
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
	static final class Incident {

		final String id;

		final String calendar;

		/** {@code null} for the priority's default policy. */
		final String service;

		final String priority;

		final List<Event> events = new ArrayList<>();

		Incident(String id, String calendar, String service, String priority) {
			this.id = id;
			this.calendar = calendar;
			this.service = service;
			this.priority = priority;
		}

		/** The status rows, in the order written (the calculators read them by time). */
		List<Event> statuses() {
			return this.events.stream().filter((event) -> event.kind().equals("status")).toList();
		}

		/** The calendar in force at {@code asOf}: the last change at or before it. */
		String calendarAt(Instant asOf) {
			return latest("calendar", asOf, this.calendar);
		}

		String priorityAt(Instant asOf) {
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

	/** One line of an incident's script. */
	record Event(Instant at, String kind, String value) {
	}

	/** An incident read as of an instant. */
	record Checkpoint(Incident incident, Instant asOf) {
	}

	/** One expected figure, from line {@code line} of the file. */
	record Expectation(int line, String incident, Instant asOf, String field, String value) {
	}

}
