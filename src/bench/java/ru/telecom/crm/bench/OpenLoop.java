package ru.telecom.crm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A scenario at a fixed arrival rate ({@code intake@150}): a scheduler releases one
 * operation every 1/rate seconds at fixed instants, whatever the answers; a pool of
 * workers (each a client of the scenario) takes them in order. An operation's latency
 * runs from the instant it was due, not from when a worker got to it, so a slow answer
 * delays the operations queued behind it and they count that wait (no coordinated
 * omission); one not begun 10 s after it was due is dropped and counted as failed. The
 * steps' own latencies are the HTTP calls alone.
 */
final class OpenLoop {

	/**
	 * Workers: enough for 150/s answered within 0.8 s; beyond, operations queue (and
	 * count the wait).
	 */
	static final int WORKERS = 128;

	private static final long STOP = Long.MIN_VALUE;

	/**
	 * An operation a worker gets to this long after it was due is not sent but counted
	 * failed: an app that cannot keep up would otherwise take hours to drain the queue.
	 */
	static final long GIVE_UP_NANOS = 10_000_000_000L;

	static final String GIVEN_UP = "not sent: 10 s behind schedule";

	private OpenLoop() {
	}

	/** The rate of {@code name@rate}, or 0 for a closed-loop plan. */
	static double rate(String plan) {
		int at = plan.indexOf('@');
		return (at < 0) ? 0 : Double.parseDouble(plan.substring(at + 1));
	}

	/** What the scheduler and the workers saw besides the tally. */
	record Figures(double rate, long due, long sent, int workers, int mostInFlight, double maxSendLagMs) {

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("arrivalRatePerSecond", this.rate);
			map.put("operationsDue", this.due);
			map.put("operationsSent", this.sent);
			map.put("workers", this.workers);
			map.put("mostInFlight", this.mostInFlight);
			map.put("maxSendLagMs", this.maxSendLagMs);
			return map;
		}

		void print() {
			System.out.printf(Locale.ROOT,
					"        open loop at %.1f/s: %d due, %d sent; at most %d in flight (of %d workers); "
							+ "a worker took an operation at most %.1f ms after it was due%n",
					this.rate, this.due, this.sent, this.mostInFlight, this.workers, this.maxSendLagMs);
		}

	}

	record Result(Runner.Phase phase, Figures figures) {
	}

	/**
	 * Runs {@code scenario} at {@code rate} operations a second for {@code seconds} (or
	 * for {@code limit.operations()} operations). The phase's client count is the most
	 * operations that were in flight at once.
	 */
	static Result run(Scenario scenario, double rate, Runner.Limit limit, String label) throws InterruptedException {
		long total = limit.byOperations() ? limit.operations() : (long) Math.floor(limit.seconds() * rate);
		long interval = (long) (1e9 / rate);
		LinkedBlockingQueue<Long> due = new LinkedBlockingQueue<>();
		AtomicLong done = new AtomicLong();
		AtomicLong sent = new AtomicLong();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger mostInFlight = new AtomicInteger();
		AtomicLong maxLag = new AtomicLong();
		int workers = (int) Math.min(WORKERS, Math.max(1, total));
		List<Tally> tallies = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			Scenario.Client client = scenario.client(i);
			Tally tally = new Tally(done);
			tallies.add(tally);
			Thread thread = new Thread(() -> {
				while (true) {
					long intended;
					try {
						intended = due.take();
					}
					catch (InterruptedException ex) {
						return;
					}
					if (intended == STOP) {
						return;
					}
					long lag = System.nanoTime() - intended;
					maxLag.accumulateAndGet(lag, Math::max);
					if (lag > GIVE_UP_NANOS) {
						tally.errors.merge(GIVEN_UP, 1L, Long::sum);
						if (tally.firstError == null) {
							tally.firstError = GIVEN_UP;
						}
						tally.operation(lag, false);
						continue;
					}
					mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
					sent.incrementAndGet();
					boolean ok = tally.attempt(client);
					inFlight.decrementAndGet();
					tally.operation(System.nanoTime() - intended, ok);
				}
			}, scenario.name() + "-open-" + i);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		long start = System.nanoTime();
		try (Progress progress = new Progress(label, limit.byOperations() ? total : limit.seconds(),
				!limit.byOperations(), done::get)) {
			for (long n = 0; n < total; n++) {
				long intended = start + n * interval;
				long wait;
				while ((wait = intended - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				due.add(intended);
			}
			for (int i = 0; i < workers; i++) {
				due.add(STOP);
			}
			for (Thread thread : threads) {
				// every operation due is answered or times out (30 s) before a worker
				// stops
				thread.join();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Tally all = new Tally(new AtomicLong());
		tallies.forEach(all::merge);
		return new Result(new Runner.Phase(all, seconds, mostInFlight.get()),
				new Figures(rate, total, sent.get(), workers, mostInFlight.get(), maxLag.get() / 1e6));
	}

}
