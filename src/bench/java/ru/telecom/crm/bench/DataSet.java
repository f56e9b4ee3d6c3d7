package ru.telecom.crm.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The large data set of the lists (issue 12): {@code closed} closed items straight into
 * our tables with {@code COPY} ({@link ClosedItems}), then {@code open} open items
 * through the API ({@link OpenItems}). Built once; the run script keeps it as a template
 * database.
 */
final class DataSet {

	/** Clients opening the open items at once: enough to keep both cores busy. */
	private static final int THREADS = 8;

	private final Api api;

	private final Psql psql;

	private final String database;

	private final BenchUsers users;

	DataSet(Api api, Psql psql, String database, BenchUsers users) {
		this.api = api;
		this.psql = psql;
		this.database = database;
		this.users = users;
	}

	/** Builds it; what was made and how long each part took. */
	Map<String, Object> build(long closed, long open) throws InterruptedException {
		Map<String, Object> built = new LinkedHashMap<>();
		ClosedItems closedItems = new ClosedItems(this.psql, this.database, this.users, closed);
		long started = System.nanoTime();
		if (closed > 0) {
			try (Progress progress = new Progress("closed items (COPY)", closedItems.rowsToWrite(), false,
					closedItems::written)) {
				closedItems.load();
			}
		}
		double closedSeconds = (System.nanoTime() - started) / 1e9;
		built.put("closedRequests", closedItems.requests());
		built.put("closedIncidents", closedItems.incidents());
		built.put("clients", closedItems.clients());
		built.put("rowsCopied", closedItems.written());
		built.put("closedSeconds", Math.round(closedSeconds * 10) / 10.0);
		System.out.printf(Locale.ROOT, "closed: %d requests, %d incidents, %d clients, %d rows copied in %.1f s%n",
				closedItems.requests(), closedItems.incidents(), closedItems.clients(), closedItems.written(),
				closedSeconds);

		OpenItems openItems = new OpenItems(this.api, this.users, closedItems.clientBase(),
				(closed > 0) ? closedItems.clients() : 0, open);
		started = System.nanoTime();
		if (open > 0) {
			try (Progress progress = new Progress("open items (API x" + THREADS + ")", open, false,
					openItems::made)) {
				openItems.load(THREADS);
			}
		}
		double openSeconds = (System.nanoTime() - started) / 1e9;
		built.put("openItems", openItems.made());
		built.put("openSeconds", Math.round(openSeconds * 10) / 10.0);
		System.out.printf(Locale.ROOT, "open: %d items through the API in %.1f s (%.1f items/s)%n", openItems.made(),
				openSeconds, openItems.made() / Math.max(openSeconds, 1e-3));
		return built;
	}

}
