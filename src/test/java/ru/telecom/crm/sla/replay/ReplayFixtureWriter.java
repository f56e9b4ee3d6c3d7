package ru.telecom.crm.sla.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.telecom.crm.sla.replay.ReplayFixture.Checkpoint;
import ru.telecom.crm.sla.replay.ReplayFixture.ReportLine;

/**
 * Writes the {@code expect} lines of the replayed weeks with {@link ReplayOracle}, after
 * each incident's script, and their {@code report} lines with {@link ReportOracle}, at
 * the end of the file; run once by hand when a week's script changes (from the project
 * directory: {@code java} on the test classpath, or the IDE), never by the build. The
 * production calculator and the report module play no part in it.
 * {@link ReplayOracleTests} checks that the files still hold exactly what the oracle
 * says.
 */
final class ReplayFixtureWriter {

	private static final Set<String> INCIDENT_LINES = Set.of("incident", "status", "priority", "calendar", "check",
			"reassign");

	private ReplayFixtureWriter() {
	}

	public static void main(String[] args) throws IOException {
		Path folder = Path.of((args.length > 0) ? args[0] : "src/test/resources/sla");
		DemoSeed seed = DemoSeed.read();
		ReplayOracle oracle = new ReplayOracle(seed);
		ReportOracle reports = new ReportOracle(seed);
		for (String name : ReplayFixture.WEEKS) {
			Path file = folder.resolve(name);
			List<String> script = Files.readAllLines(file)
				.stream()
				.filter((line) -> !line.startsWith("expect") && !line.startsWith("report"))
				.toList();
			ReplayFixture fixture = ReplayFixture.of(name, script);
			Map<String, List<String>> expectations = new HashMap<>();
			for (Checkpoint checkpoint : fixture.checkpoints()) {
				String id = checkpoint.incident().id;
				ZoneId zone = seed.zones.get(checkpoint.incident().calendarAt(checkpoint.asOf()));
				String asOf = ReplayFixture.text(checkpoint.asOf(), zone);
				oracle.figures(checkpoint.incident(), checkpoint.asOf())
					.forEach((field, value) -> expectations.computeIfAbsent(id, (key) -> new ArrayList<>())
						.add("expect   | %s | %s | %-45s | %s".formatted(id, asOf, field, value)));
			}
			List<String> out = new ArrayList<>();
			for (int i = 0; i < script.size(); i++) {
				out.add(script.get(i));
				String id = incidentOf(script.get(i));
				boolean lastOfIncident = id != null && script.subList(i + 1, script.size())
					.stream()
					.noneMatch((line) -> id.equals(incidentOf(line)));
				if (lastOfIncident) {
					out.addAll(expectations.getOrDefault(id, List.of()));
				}
			}
			List<ReportLine> figures = reports.lines(fixture);
			figures.forEach((line) -> out.add("report   | %-10s | %s | %-12s | %-28s | %s".formatted(line.report(),
					line.parameters(), line.row(), line.field(), line.value())));
			Files.write(file, out);
			System.out.println(
					name + ": " + fixture.checkpoints().size() + " readings, " + figures.size() + " report figures");
		}
	}

	private static String incidentOf(String line) {
		String[] cells = line.split("\\|");
		return (cells.length > 2 && INCIDENT_LINES.contains(cells[0].strip())) ? cells[1].strip() : null;
	}

}
