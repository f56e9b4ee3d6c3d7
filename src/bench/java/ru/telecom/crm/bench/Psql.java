package ru.telecom.crm.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
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

	/**
	 * {@code COPY}s the rows the writer writes (CSV) into a table, with the foreign keys'
	 * triggers off for the session (the writer's rows are consistent by construction).
	 */
	void copy(String database, String table, RowWriter rows) {
		List<String> command = List.of(this.binary, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c",
				"set session_replication_role = replica", "-c", "\\copy " + table + " from pstdin with (format csv)");
		try {
			Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			try (Writer out = new BufferedWriter(
					new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
				rows.write(out);
			}
			String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException("copy into " + table + " failed: " + err.strip());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("copy into " + table + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** Writes CSV rows for {@link #copy}. */
	interface RowWriter {

		void write(Writer out) throws IOException;

	}

	/** The single value of a query. */
	String value(String database, String statement) {
		List<String[]> rows = query(database, statement);
		return rows.isEmpty() ? null : rows.get(0)[0];
	}

}
