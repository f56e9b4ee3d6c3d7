package ru.telecom.crm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The soak (issue 16): a steady load at fixed rates for {@code --minutes} (30): intakes,
 * whole lifecycles and ESB messages (10, 2 and 5 a second by default), each operation
 * released at its instant whatever the answers and timed from that instant (no
 * coordinated omission). The app's resident memory is sampled every 10 s. Flat means:
 * no error; resident memory grows less than 10 MB per 10 minutes over the last two
 * thirds of the run (the last 20 of 30 minutes, a least-squares slope); the last sixth's
 * p99 (the last 5 of 30 minutes) at most 20 % above the first sixth's, per kind.
 */
final class SteadySoak implements FaultScenario {

	private static final long SAMPLE_SECONDS = 10;

	private static final String[] KINDS = { "intake", "lifecycle", "esb" };

	private final FaultContext context;

	SteadySoak(FaultContext context) {
		this.context = context;
	}

	@Override
	public Map<String, Object> run() throws Exception {
		int minutes = this.context.option("minutes", 30);
		double[] rates = { rate("intake-rate", 10), rate("lifecycle-rate", 2), rate("esb-rate", 5) };
		BenchUsers users = this.context.prepare();
		System.out.printf(Locale.ROOT, "soak: %d minutes at %.1f intakes, %.1f lifecycles, %.1f ESB messages a second%n",
				minutes, rates[0], rates[1], rates[2]);
		FaultLoad load = new FaultLoad(this.context.api(), new IntakeMix(FaultContext.LEGACY_ROWS), users);
		AppProbe probe = new AppProbe(this.context.api(), this.context.app().pid(), this.context.pgData(),
				this.context.out().resolve("mail"));

		long durationNanos = TimeUnit.MINUTES.toNanos(minutes);
		int windows = minutes * 6;
		// latencies per kind and 10-second window of the instant an operation was due
		Latencies[][] latencies = new Latencies[KINDS.length][windows];
		for (Latencies[] kind : latencies) {
			for (int w = 0; w < windows; w++) {
				kind[w] = new Latencies();
			}
		}
		List<Map<String, Object>> samples = new ArrayList<>();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger mostInFlight = new AtomicInteger();
		ExecutorService workers = Executors.newFixedThreadPool(256);
		ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(KINDS.length + 1);
		long start = System.nanoTime();
		AtomicInteger client = new AtomicInteger();
		for (int k = 0; k < KINDS.length; k++) {
			int kind = k;
			long periodNanos = Math.round(1e9 / rates[k]);
			char letter = KINDS[k].charAt(0);
			scheduler.scheduleAtFixedRate(() -> {
				long due = System.nanoTime();
				if (due - start >= durationNanos) {
					return;
				}
				int window = (int) ((due - start) / TimeUnit.SECONDS.toNanos(SAMPLE_SECONDS));
				Runnable operation = load.operation(letter, client.getAndIncrement());
				mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				workers.execute(() -> {
					try {
						operation.run();
					}
					catch (RuntimeException ex) {
						// a client that waited 10 minutes for an answer gives up: an error
						load.errors.computeIfAbsent(KINDS[kind] + " gave up", (key) -> new LongAdder()).increment();
					}
					finally {
						long took = System.nanoTime() - due;
						inFlight.decrementAndGet();
						synchronized (latencies[kind][window]) {
							latencies[kind][window].add(took);
						}
					}
				});
			}, 0, periodNanos, TimeUnit.NANOSECONDS);
		}
		scheduler.scheduleAtFixedRate(() -> {
			Map<String, Object> sample = new LinkedHashMap<>();
			sample.put("second", (System.nanoTime() - start) / 1_000_000_000);
			sample.putAll(probe.memory());
			synchronized (samples) {
				samples.add(sample);
			}
		}, 0, SAMPLE_SECONDS, TimeUnit.SECONDS);
		while (System.nanoTime() - start < durationNanos) {
			Thread.sleep(60_000);
			Map<String, Object> last;
			synchronized (samples) {
				last = samples.get(samples.size() - 1);
			}
			System.out.printf("soak: minute %d, RSS %s MB, heap %s MB, %s%n", (System.nanoTime() - start) / 60_000_000_000L,
					last.get("rssMB"), last.getOrDefault("heapUsedMB", "?"), load.acknowledged());
		}
		scheduler.shutdown();
		scheduler.awaitTermination(1, TimeUnit.MINUTES);
		workers.shutdown();
		workers.awaitTermination(10, TimeUnit.MINUTES);

		FaultChecks checks = new FaultChecks(this.context.psql(), this.context.database());
		checks.drain();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("minutes", minutes);
		result.put("ratesPerSecond", Map.of("intake", rates[0], "lifecycle", rates[1], "esb", rates[2]));
		result.put("mostInFlight", mostInFlight.get());
		result.put("load", load.figures());
		Map<String, Object> found = checks.check(load, this.context.appLog());
		result.put("checks", found);

		// p99 of the first and the last sixth of the run, per kind
		int sixth = Math.max(1, windows / 6);
		Map<String, Object> p99 = new LinkedHashMap<>();
		boolean latencyFlat = true;
		for (int k = 0; k < KINDS.length; k++) {
			Latencies first = new Latencies();
			Latencies last = new Latencies();
			Latencies all = new Latencies();
			for (int w = 0; w < windows; w++) {
				all.addAll(latencies[k][w]);
				if (w < sixth) {
					first.addAll(latencies[k][w]);
				}
				if (w >= windows - sixth) {
					last.addAll(latencies[k][w]);
				}
			}
			Map<String, Object> kind = new LinkedHashMap<>();
			kind.put("all", all.summary());
			kind.put("firstP99Ms", first.summary().get("p99"));
			kind.put("lastP99Ms", last.summary().get("p99"));
			double ratio = (Double) last.summary().get("p99") / (Double) first.summary().get("p99");
			kind.put("lastOverFirst", Math.round(ratio * 1000) / 1000.0);
			// each minute's p99, to see the curve and not only its two ends
			List<Object> perMinute = new ArrayList<>();
			for (int m = 0; m < windows / 6; m++) {
				Latencies minute = new Latencies();
				for (int w = m * 6; w < m * 6 + 6; w++) {
					minute.addAll(latencies[k][w]);
				}
				perMinute.add(minute.summary().get("p99"));
			}
			kind.put("p99MsPerMinute", perMinute);
			latencyFlat &= ratio <= 1.20;
			p99.put(KINDS[k], kind);
		}
		result.put("latency", p99);

		// resident memory: a least-squares slope over the last two thirds, MB per 10 minutes
		List<Map<String, Object>> tail = samples.stream()
			.filter((s) -> ((Number) s.get("second")).longValue() >= minutes * 60L / 3)
			.toList();
		double slope = slopePerSecond(tail, "rssMB") * 600;
		double heapSlope = slopePerSecond(tail, "heapUsedMB") * 600;
		result.put("rssMBPer10MinLastTwoThirds", Math.round(slope * 100) / 100.0);
		result.put("heapUsedMBPer10MinLastTwoThirds", Math.round(heapSlope * 100) / 100.0);
		result.put("rssFirstMB", samples.get(0).get("rssMB"));
		result.put("rssLastMB", samples.get(samples.size() - 1).get("rssMB"));
		result.put("rssMaxMB", samples.stream().mapToLong((s) -> ((Number) s.get("rssMB")).longValue()).max().orElse(-1));
		result.put("samples", samples);
		@SuppressWarnings("unchecked")
		Map<String, Object> errors = (Map<String, Object>) ((Map<String, Object>) result.get("load")).get("errors");
		boolean noError = errors.isEmpty() && load.unanswered.sum() == 0;
		result.put("noError", noError);
		result.put("memoryFlat", slope < 10);
		result.put("latencyFlat", latencyFlat);
		result.put("passed", noError && slope < 10 && latencyFlat && FaultChecks.clean(found));
		return result;
	}

	private double rate(String name, double otherwise) {
		return Double.parseDouble(this.context.options().getOrDefault(name, Double.toString(otherwise)));
	}

	private static double slopePerSecond(List<Map<String, Object>> samples, String key) {
		List<double[]> points = samples.stream()
			.filter((s) -> s.get(key) instanceof Number)
			.map((s) -> new double[] { ((Number) s.get("second")).doubleValue(), ((Number) s.get(key)).doubleValue() })
			.toList();
		if (points.size() < 2) {
			return Double.NaN;
		}
		double mx = points.stream().mapToDouble((p) -> p[0]).average().orElse(0);
		double my = points.stream().mapToDouble((p) -> p[1]).average().orElse(0);
		double sxy = points.stream().mapToDouble((p) -> (p[0] - mx) * (p[1] - my)).sum();
		double sxx = points.stream().mapToDouble((p) -> (p[0] - mx) * (p[0] - mx)).sum();
		return sxy / sxx;
	}

	@Override
	@SuppressWarnings("unchecked")
	public String table(Map<String, Object> result) {
		StringBuilder out = new StringBuilder();
		out.append("| kind | operations | p50 (ms) | p99 (ms) | first sixth's p99 | last sixth's p99 | last / first |\n");
		out.append("|---|---|---|---|---|---|---|\n");
		Map<String, Object> latency = (Map<String, Object>) result.get("latency");
		latency.forEach((kind, figures) -> {
			Map<String, Object> f = (Map<String, Object>) figures;
			Map<String, Object> all = (Map<String, Object>) f.get("all");
			out.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.0f | %.2f |%n", kind,
					all.get("count"), all.get("p50"), all.get("p99"), f.get("firstP99Ms"), f.get("lastP99Ms"),
					f.get("lastOverFirst")));
		});
		out.append('\n');
		out.append(FaultTables.checks(result));
		FaultTables.row(out, "resident memory: first / last / max (MB)",
				result.get("rssFirstMB") + " / " + result.get("rssLastMB") + " / " + result.get("rssMaxMB"));
		FaultTables.row(out, "resident memory growth over the last two thirds (MB per 10 min; heap used)",
				result.get("rssMBPer10MinLastTwoThirds") + " (" + result.get("heapUsedMBPer10MinLastTwoThirds") + ")");
		FaultTables.row(out, "no error / memory flat / latency flat",
				result.get("noError") + " / " + result.get("memoryFlat") + " / " + result.get("latencyFlat"));
		FaultTables.row(out, "passed", result.get("passed"));
		return out.toString();
	}

}
