package ru.telecom.crm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a scenario's clients, each in its own thread, for a time or a number of
 * operations.
 */
final class Runner {

	private Runner() {
	}

	/**
	 * How long a phase runs: {@code operations} in all when positive, else
	 * {@code seconds}.
	 */
	record Limit(double seconds, int operations) {

		boolean byOperations() {
			return this.operations > 0;
		}

	}

	/**
	 * What all clients saw, and how long it took from the first start to the last end.
	 */
	record Phase(Tally tally, double seconds, int clients) {

		double throughput() {
			return (this.seconds > 0) ? this.tally.operations.count() / this.seconds : 0;
		}

	}

	static Phase run(Scenario scenario, int clients, Limit limit, String label) throws InterruptedException {
		AtomicLong done = new AtomicLong();
		AtomicLong tickets = new AtomicLong(limit.operations());
		CountDownLatch go = new CountDownLatch(1);
		long[] deadline = new long[1];
		List<Tally> tallies = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Scenario.Client client = scenario.client(i);
			Tally tally = new Tally(done);
			tallies.add(tally);
			Thread thread = new Thread(() -> {
				try {
					go.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				while (limit.byOperations() ? tickets.getAndDecrement() > 0 : System.nanoTime() < deadline[0]) {
					long start = System.nanoTime();
					boolean ok = tally.attempt(client);
					tally.operation(System.nanoTime() - start, ok);
				}
			}, scenario.name() + "-" + i);
			threads.add(thread);
			thread.start();
		}
		long start = System.nanoTime();
		deadline[0] = start + (long) (limit.seconds() * 1e9);
		try (Progress progress = new Progress(label, limit.byOperations() ? limit.operations() : limit.seconds(),
				!limit.byOperations(), done::get)) {
			go.countDown();
			for (Thread thread : threads) {
				thread.join();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Tally all = new Tally(new AtomicLong());
		tallies.forEach(all::merge);
		return new Phase(all, seconds, clients);
	}

}
