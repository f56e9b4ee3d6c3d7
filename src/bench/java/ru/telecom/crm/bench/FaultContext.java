package ru.telecom.crm.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * What every fault scenario is given by {@link Faults}: the API of the first node, SQL
 * through psql, the two databases, the app as a process (the first node), its log, the
 * output folder (with {@code pids/}: one file per process the script must stop at the
 * end), the PostgreSQL cluster (binaries, data folder, port) and the driver's options.
 */
record FaultContext(Api api, Psql psql, String database, String legacyDatabase, AppProcess app, Path appLog,
		Path out, String pgBin, Path pgData, int pgPort, Map<String, String> options) {

	/** LegacyDB rows the intake mix looks up, as the benchmark loads them. */
	static final int LEGACY_ROWS = 20_000;

	/**
	 * Launches the app, waits until it is ready, then loads LegacyDB's rows and creates
	 * the bench users as the benchmark does.
	 */
	BenchUsers prepare() throws InterruptedException, java.io.IOException {
		long launched = System.nanoTime();
		this.app.launch();
		this.app.awaitReady();
		System.out.printf("app ready after %d ms%n", (System.nanoTime() - launched) / 1_000_000);
		BenchUsers users = new BenchUsers(16, 8);
		LegacyRows.load(this.psql, this.legacyDatabase, LEGACY_ROWS);
		BenchDirectory.create(this.api, this.psql, this.database, users);
		return users;
	}

	int option(String name, int otherwise) {
		return Integer.parseInt(this.options.getOrDefault(name, Integer.toString(otherwise)));
	}

	/** A file in {@code <out>/pids/} holding a process's pid, for the script's clean-up. */
	Path pidFile(String name) {
		return this.out.resolve("pids").resolve(name + ".pid");
	}

}
