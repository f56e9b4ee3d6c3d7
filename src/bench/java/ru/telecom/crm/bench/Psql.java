package ru.telecom.crm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL through the {@code psql} of the bench cluster (connection from PGHOST, PGPORT,
 * PGUSER, PGPASSWORD, which the run script sets): no JDBC driver on the harness's class
 * path.
 */
final class Psql {

	private static final String SEPARATOR = "\u001f";

	private final String binary;

	Psql(String binary) {
		this.binary = binary;
	}

	/** Runs each statement in turn; the rows of all, each row's fields split. */
	List<String[]> query(String database, String... statements) {
		List<String> command = new ArrayList<>(
				List.of(this.binary, "-X", "-q", "-A", "-t", "-F", SEPARATOR, "-v", "ON_ERROR_STOP=1", "-d", database));
		for (String statement : statements) {
			command.add("-c");
			command.add(statement);
		}
		try {
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException("psql on " + database + " failed: " + err.strip());
			}
			List<String[]> rows = new ArrayList<>();
			for (String line : out.split("\n")) {
				if (!line.isEmpty()) {
					rows.add(line.split(SEPARATOR, -1));
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not run " + this.binary, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** The single value of a query. */
	String value(String database, String statement) {
		List<String[]> rows = query(database, statement);
		return rows.isEmpty() ? null : rows.get(0)[0];
	}

}
