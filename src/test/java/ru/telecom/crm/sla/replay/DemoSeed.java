package ru.telecom.crm.sla.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The demo seed of calendars and policies (DESIGN §12), read as plain rows from the CSV
 * files Liquibase loads, so that the oracle and the production calculator work from the
 * same data and nothing else in common. Public for the report module's test of the
 * replayed weeks.
 */
public final class DemoSeed {

	private static final String FOLDER = "/db/changelog/demo/sla/";

	/** The helpdesk's calendar, whose hours its people are reminded in. */
	public static final String HELPDESK = "msk-helpdesk";

	public final Map<String, ZoneId> zones = new LinkedHashMap<>();

	/** Per calendar: rows of ISO weekday (1 Monday), from minute, to minute. */
	public final Map<String, List<int[]>> hours = new LinkedHashMap<>();

	public final Map<String, Set<LocalDate>> holidays = new LinkedHashMap<>();

	final List<PolicyRow> policies = new ArrayList<>();

	private DemoSeed() {
		for (String[] row : rows("calendars.csv", 3)) {
			this.zones.put(row[0], ZoneId.of(row[2]));
			this.hours.put(row[0], new ArrayList<>());
			this.holidays.put(row[0], new HashSet<>());
		}
		for (String[] row : rows("calendar-hours.csv", 4)) {
			this.hours.get(row[0])
				.add(new int[] { Integer.parseInt(row[1]), Integer.parseInt(row[2]), Integer.parseInt(row[3]) });
		}
		for (String[] row : rows("holidays.csv", 3)) {
			this.holidays.get(row[0]).add(LocalDate.parse(row[1]));
		}
		for (String[] row : rows("policies.csv", 6)) {
			List<String> chain = Arrays.stream(unquote(row[5]).split(",")).map(String::strip).toList();
			this.policies.add(new PolicyRow(row[0].equals("NULL") ? null : row[0], row[1], Integer.parseInt(row[2]),
					Integer.parseInt(row[3]), row[4], chain));
		}
	}

	public static DemoSeed read() {
		return new DemoSeed();
	}

	/** The service's own policy of the priority, else the priority's default. */
	public PolicyRow policy(String service, String priority) {
		return this.policies.stream()
			.filter((row) -> row.priority().equals(priority) && Objects.equals(row.service(), service))
			.findFirst()
			.or(() -> this.policies.stream()
				.filter((row) -> row.priority().equals(priority) && row.service() == null)
				.findFirst())
			.orElseThrow();
	}

	private static List<String[]> rows(String file, int columns) {
		try (InputStream in = DemoSeed.class.getResourceAsStream(FOLDER + file)) {
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
			List<String[]> rows = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				if (!lines[i].isBlank()) {
					rows.add(lines[i].split(",", columns));
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String unquote(String text) {
		String value = text.strip();
		return (value.startsWith("\"") && value.endsWith("\"")) ? value.substring(1, value.length() - 1) : value;
	}

	/**
	 * One row of policies.csv: minutes of each target, the warning share as written, the
	 * escalation chain's levels as written ({@code HEAD_OF_SUPPORT:address}).
	 */
	public record PolicyRow(String service, String priority, int responseMinutes, int resolutionMinutes, String warnAt,
			List<String> escalation) {
	}

}
