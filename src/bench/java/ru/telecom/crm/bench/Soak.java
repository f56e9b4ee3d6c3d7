package ru.telecom.crm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The memory soak ({@code --soak=S}): four clients for S seconds, each in turn opening a
 * request (the intake's mix), running a whole lifecycle and opening two worklists, while
 * the app's resident memory and heap are sampled every few seconds. Prints a short curve,
 * the maximum and the last sample.
 */
final class Soak {

	static final int CLIENTS = 4;

	private static final long SAMPLE_MILLIS = 5_000;

	private Soak() {
	}

	/** The mixed operation: intake, lifecycle and two lists of client {@code index}. */
	static Scenario mixed(Scenario intake, Scenario lifecycle, Scenario worklists) {
		return new Scenario() {

			@Override
			public String name() {
				return "soak";
			}

			@Override
			public String unit() {
				return "intake + lifecycle + 2 lists";
			}

			@Override
			public List<Integer> defaultClients() {
				return List.of(CLIENTS);
			}

			@Override
			public Client client(int index) {
				Client open = intake.client(index);
				Client whole = lifecycle.client(index);
				Client lists = worklists.client(index);
				return (tally) -> {
					open.operation(tally);
					whole.operation(tally);
					lists.operation(tally);
					lists.operation(tally);
				};
			}

		};
	}

	/** Runs the mixed load for {@code seconds}, sampling memory; returns the figures. */
	static Map<String, Object> run(Scenario mixed, AppProbe app, double seconds) throws InterruptedException {
		List<Map<String, Object>> samples = new ArrayList<>();
		long start = System.nanoTime();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				Map<String, Object> sample = new LinkedHashMap<>();
				sample.put("second", Math.round((System.nanoTime() - start) / 1e9));
				sample.putAll(app.memory());
				synchronized (samples) {
					samples.add(sample);
				}
				try {
					Thread.sleep(SAMPLE_MILLIS);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "memory-sampler");
		sampler.setDaemon(true);
		sampler.start();
		Runner.Phase phase = Runner.run(mixed, CLIENTS, new Runner.Limit(seconds, 0),
				"soak x" + CLIENTS + " (memory every " + SAMPLE_MILLIS / 1000 + " s)");
		sampler.interrupt();
		sampler.join();
		Map<String, Object> last = new LinkedHashMap<>();
		last.put("second", Math.round((System.nanoTime() - start) / 1e9));
		last.putAll(app.memory());
		samples.add(last);

		long maxRss = samples.stream().mapToLong((s) -> (Long) s.get("rssMB")).max().orElse(-1);
		long maxHeap = samples.stream()
			.filter((s) -> s.containsKey("heapUsedMB"))
			.mapToLong((s) -> (Long) s.get("heapUsedMB"))
			.max()
			.orElse(-1);
		System.out.printf(Locale.ROOT, "%n== soak: %d clients for %.0f s, one operation = %s%n", CLIENTS, seconds,
				mixed.unit());
		System.out.printf(Locale.ROOT, "%8s %8s %10s %10s %10s%n", "second", "RSS MB", "RSS peak", "heap used",
				"heap comm.");
		int step = Math.max(1, samples.size() / 12);
		for (int i = 0; i < samples.size(); i++) {
			if (i % step == 0 || i == samples.size() - 1) {
				Map<String, Object> s = samples.get(i);
				System.out.printf(Locale.ROOT, "%8s %8s %10s %10s %10s%n", s.get("second"), s.get("rssMB"),
						s.get("rssPeakMB"), s.getOrDefault("heapUsedMB", "?"), s.getOrDefault("heapCommittedMB", "?"));
			}
		}
		Map<String, Object> latency = phase.tally().operations.summary();
		System.out.printf(Locale.ROOT,
				"  %d operations (%.2f/s), %d errors, p50 %.0f p99 %.0f ms; RSS max %d MB, at the end %s MB "
						+ "(peak %s MB); heap used max %d MB%n",
				phase.tally().operations.count(), phase.throughput(), phase.tally().errorCount(), latency.get("p50"),
				latency.get("p99"), maxRss, last.get("rssMB"), last.get("rssPeakMB"), maxHeap);
		if (phase.tally().firstError != null) {
			System.out.println("        first error: " + phase.tally().firstError);
		}
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("seconds", seconds);
		figures.put("clients", CLIENTS);
		figures.put("unit", mixed.unit());
		figures.put("operations", phase.tally().operations.count());
		figures.put("failedOperations", phase.tally().failedOperations);
		figures.put("throughputPerSecond", phase.throughput());
		figures.put("latencyMs", latency);
		figures.put("errors", phase.tally().errors);
		figures.put("errorCount", phase.tally().errorCount());
		figures.put("firstError", phase.tally().firstError);
		figures.put("rssMaxMB", maxRss);
		figures.put("heapUsedMaxMB", maxHeap);
		figures.put("atEnd", last);
		figures.put("samples", samples);
		return figures;
	}

}
