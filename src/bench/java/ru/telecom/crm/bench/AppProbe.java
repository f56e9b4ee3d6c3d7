package ru.telecom.crm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * What the app process and its cluster use: resident memory and CPU from /proc, heap from
 * the actuator's metrics, mails from the capture folder. For the engine floor, the same
 * of the driver's own JVM, where its engine runs.
 */
final class AppProbe {

	/** USER_HZ: clock ticks of /proc/<pid>/stat per second. */
	private static final double TICKS_PER_SECOND = 100.0;

	private final Api api;

	private final long appPid;

	private final Path pgData;

	private final LongSupplier mails;

	AppProbe(Api api, long appPid, Path pgData, Path mailDir) {
		this(api, appPid, pgData, () -> captured(mailDir));
	}

	private AppProbe(Api api, long appPid, Path pgData, LongSupplier mails) {
		this.api = api;
		this.appPid = appPid;
		this.pgData = pgData;
		this.mails = mails;
	}

	/** This JVM (the engine floor's), its mails as it counts them. */
	static AppProbe ofThisJvm(Path pgData, LongSupplier mails) {
		return new AppProbe(null, ProcessHandle.current().pid(), pgData, mails);
	}

	/**
	 * VmRSS and VmHWM of the app, heap used and committed (MB; absent when not exposed).
	 */
	Map<String, Object> memory() {
		Map<String, Object> memory = new LinkedHashMap<>();
		memory.put("rssMB", statusKb(this.appPid, "VmRSS") / 1024);
		memory.put("rssPeakMB", statusKb(this.appPid, "VmHWM") / 1024);
		double used = heap("jvm.memory.used");
		if (!Double.isNaN(used)) {
			memory.put("heapUsedMB", Math.round(used / 1048576));
			memory.put("heapCommittedMB", Math.round(heap("jvm.memory.committed") / 1048576));
		}
		else {
			memory.put("heap", "not exposed: /actuator/metrics is not reachable");
		}
		return memory;
	}

	/** CPU seconds used so far by the app and by the bench cluster's processes. */
	double[] cpuSeconds() {
		long postmaster = postmasterPid();
		long pgTicks = 0;
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path process : processes) {
				long[] stat = stat(process.resolve("stat"));
				if (stat != null && (stat[0] == postmaster || stat[1] == postmaster)) {
					pgTicks += stat[2];
				}
			}
		}
		catch (IOException ex) {
			pgTicks = -1;
		}
		long[] app = stat(Path.of("/proc", Long.toString(this.appPid), "stat"));
		return new double[] { (app != null) ? app[2] / TICKS_PER_SECOND : Double.NaN,
				(pgTicks >= 0) ? pgTicks / TICKS_PER_SECOND : Double.NaN };
	}

	/** Mails sent so far. */
	long mails() {
		return this.mails.getAsLong();
	}

	private static long captured(Path mailDir) {
		try (Stream<Path> files = Files.list(mailDir)) {
			return files.filter((file) -> file.toString().endsWith(".eml")).count();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private double heap(String metric) {
		if (this.api == null) {
			MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
			return metric.endsWith("used") ? heap.getUsed() : heap.getCommitted();
		}
		Api.Response response = this.api.anonymous("/actuator/metrics/" + metric + "?tag=area:heap");
		return (response.status() == 200) ? Json.decimal(response.body(), "value") : Double.NaN;
	}

	private long postmasterPid() {
		try {
			return Long.parseLong(Files.readAllLines(this.pgData.resolve("postmaster.pid")).get(0).strip());
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** pid, parent pid and utime + stime ticks, or null when the process is gone. */
	private static long[] stat(Path file) {
		try {
			String stat = Files.readString(file);
			int close = stat.lastIndexOf(')');
			String[] fields = stat.substring(close + 2).split(" ");
			long pid = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
			// after the name: state, ppid, …, utime (12th), stime (13th)
			return new long[] { pid, Long.parseLong(fields[1]),
					Long.parseLong(fields[11]) + Long.parseLong(fields[12]) };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static long statusKb(long pid, String key) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith(key + ":")) {
					return Long.parseLong(line.substring(key.length() + 1).strip().split("\\s+")[0]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the process is gone
		}
		return -1;
	}

}
