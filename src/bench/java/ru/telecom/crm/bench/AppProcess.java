package ru.telecom.crm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The app's jar as a process of the fault harness: started with the environment the
 * script exported (database, LegacyDB, mail capture, channel secrets), its output
 * appended to one log over all its runs, its pid kept in a file for the script's clean-up,
 * and stopped the hard way ({@code kill -9}) or the polite one.
 */
final class AppProcess {

	private final List<String> command = new ArrayList<>();

	private final Path log;

	private final Path pidFile;

	private final Api api;

	private final long readyNanos;

	private Process process;

	AppProcess(String jar, String javaOpts, List<String> appArgs, Path log, Path pidFile, Api api, int readySeconds) {
		this.command.add("java");
		for (String option : javaOpts.trim().split("\\s+")) {
			if (!option.isEmpty()) {
				this.command.add(option);
			}
		}
		this.command.addAll(List.of("-jar", jar, "--management.endpoints.web.exposure.include=health,info"));
		this.command.addAll(appArgs);
		this.log = log;
		this.pidFile = pidFile;
		this.api = api;
		this.readyNanos = TimeUnit.SECONDS.toNanos(readySeconds);
	}

	/** Arguments for the app from its next launch on (a scenario's settings). */
	void addArguments(List<String> arguments) {
		this.command.addAll(arguments);
	}

	/** Launches the jar; its pid goes to the pid file. */
	void launch() throws IOException {
		Files.writeString(this.log, "%n=== fault harness: app launched at %s%n".formatted(java.time.Instant.now()),
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
			.directory(this.log.getParent().toFile())
			.start();
		Files.writeString(this.pidFile, Long.toString(this.process.pid()));
	}

	/** Waits until {@code /actuator/health} says UP; fails when the process ends first. */
	void awaitReady() throws InterruptedException {
		long deadline = System.nanoTime() + this.readyNanos;
		while (System.nanoTime() < deadline) {
			Api.Response health = this.api.anonymous("/actuator/health");
			if (health.status() == 200 && health.body().contains("\"UP\"")) {
				return;
			}
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the app ended with " + this.process.exitValue() + " before it was "
						+ "ready; see " + this.log);
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the app was not ready within " + this.readyNanos / 1_000_000_000 + " s; see "
				+ this.log);
	}

	/** {@code kill -9}: SIGKILL (what {@link Process#destroyForcibly()} sends on Linux). */
	void kill9() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	long pid() {
		return this.process.pid();
	}

	/** SIGTERM, as a service manager stops it; SIGKILL after 60 s. */
	void stop() throws InterruptedException {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor();
		}
		try {
			Files.deleteIfExists(this.pidFile);
		}
		catch (IOException ex) {
			// the script's clean-up finds a dead pid
		}
	}

}
