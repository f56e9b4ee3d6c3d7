package ru.telecom.crm.bench;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar on standard error for a long phase: redrawn in place on a terminal, a
 * line every few seconds otherwise (CI logs).
 */
final class Progress implements AutoCloseable {

	private static final boolean TERMINAL = System.console() != null;

	private static final int WIDTH = 30;

	private final String label;

	private final double total;

	private final boolean bySeconds;

	private final LongSupplier done;

	private final long start = System.nanoTime();

	private final Thread painter;

	private volatile boolean running = true;

	/**
	 * @param total the phase's length: seconds when {@code bySeconds}, else operations
	 * @param done operations done so far, or null for a phase that counts none
	 */
	Progress(String label, double total, boolean bySeconds, LongSupplier done) {
		this.label = label;
		this.total = total;
		this.bySeconds = bySeconds;
		this.done = done;
		this.painter = new Thread(this::paint, "progress");
		this.painter.setDaemon(true);
		this.painter.start();
	}

	private void paint() {
		long lastLine = System.nanoTime();
		while (this.running) {
			try {
				Thread.sleep(TERMINAL ? 250 : 1000);
			}
			catch (InterruptedException ex) {
				return;
			}
			if (TERMINAL) {
				System.err.print("\r" + line());
			}
			else if (System.nanoTime() - lastLine > 10_000_000_000L) {
				System.err.println(line());
				lastLine = System.nanoTime();
			}
		}
	}

	private String line() {
		double seconds = (System.nanoTime() - this.start) / 1e9;
		long ops = (this.done != null) ? this.done.getAsLong() : 0;
		double fraction = Math.min(1, (this.total <= 0) ? 1 : (this.bySeconds ? seconds : ops) / this.total);
		int filled = (int) Math.round(fraction * WIDTH);
		String bar = String.format(Locale.ROOT, "  %-24s [%s%s] %5.1f s", this.label, "#".repeat(filled),
				"-".repeat(WIDTH - filled), seconds);
		return (this.done == null) ? bar
				: bar + String.format(Locale.ROOT, "  %6d ops  %7.1f/s ", ops, (seconds > 0) ? ops / seconds : 0.0);
	}

	@Override
	public void close() {
		this.running = false;
		this.painter.interrupt();
		if (TERMINAL) {
			System.err.print("\r" + " ".repeat(line().length()) + "\r");
		}
	}

}
