package ru.telecom.crm.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one client thread saw in one phase: each operation's time and outcome, each HTTP
 * step's time and status. One per thread, merged when the phase ends.
 */
final class Tally {

	/** An operation gave up at a step whose answer was not the expected one. */
	static final class StepFailed extends Exception {

		StepFailed(String message) {
			super(message, null, false, false);
		}

	}

	final Latencies operations = new Latencies();

	final Map<String, Latencies> steps = new TreeMap<>();

	/** Answers by status, of every step. */
	final Map<String, Long> statuses = new TreeMap<>();

	/** Unexpected answers by step and status. */
	final Map<String, Long> errors = new TreeMap<>();

	long failedOperations;

	/** The first unexpected answer, to show what went wrong. */
	String firstError;

	private final AtomicLong progress;

	Tally(AtomicLong progress) {
		this.progress = progress;
	}

	/**
	 * Runs one operation of the client; whether it succeeded. A failed step is counted by
	 * the step, any other failure here.
	 */
	boolean attempt(Scenario.Client client) {
		try {
			client.operation(this);
			return true;
		}
		catch (StepFailed ex) {
			return false;
		}
		catch (RuntimeException ex) {
			exception(ex);
			return false;
		}
	}

	void operation(long nanos, boolean ok) {
		if (ok) {
			this.operations.add(nanos);
		}
		else {
			this.failedOperations++;
		}
		this.progress.incrementAndGet();
	}

	/**
	 * Records a step; its answer must have the expected status, else the operation fails.
	 */
	Api.Response step(String name, Api.Response response, int expected) throws StepFailed {
		this.steps.computeIfAbsent(name, (key) -> new Latencies()).add(response.nanos());
		this.statuses.merge(response.statusKey(), 1L, Long::sum);
		if (response.status() != expected) {
			this.errors.merge(name + " " + response.statusKey(), 1L, Long::sum);
			if (this.firstError == null) {
				String body = response.body();
				this.firstError = name + " answered " + response.statusKey() + ": "
						+ ((body.length() > 300) ? body.substring(0, 300) + "…" : body);
			}
			throw new StepFailed(name + " " + response.statusKey());
		}
		return response;
	}

	/** Records a step that is no HTTP call (the engine floor's): its time only. */
	void step(String name, long nanos) {
		this.steps.computeIfAbsent(name, (key) -> new Latencies()).add(nanos);
	}

	/** An operation broke off with an exception of the harness's own. */
	void exception(RuntimeException ex) {
		this.errors.merge("exception " + ex.getClass().getSimpleName(), 1L, Long::sum);
		if (this.firstError == null) {
			this.firstError = ex.toString();
		}
	}

	void merge(Tally other) {
		this.operations.addAll(other.operations);
		other.steps
			.forEach((name, latencies) -> this.steps.computeIfAbsent(name, (key) -> new Latencies()).addAll(latencies));
		other.statuses.forEach((key, count) -> this.statuses.merge(key, count, Long::sum));
		other.errors.forEach((key, count) -> this.errors.merge(key, count, Long::sum));
		this.failedOperations += other.failedOperations;
		if (this.firstError == null) {
			this.firstError = other.firstError;
		}
	}

	long errorCount() {
		return this.errors.values().stream().mapToLong(Long::longValue).sum();
	}

}
