package ru.telecom.crm.history.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import ru.telecom.crm.history.HistoryExport;
import ru.telecom.crm.history.HistorySettings;
import ru.telecom.crm.status.ActivityEntry;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusHistory;

/** The backfill and the reconciliation. */
class HistoryOperations implements HistoryExport {

	private static final Logger log = LoggerFactory.getLogger(HistoryOperations.class);

	private final StatusHistory history;

	private final HistoryEvents events;

	private final Outbox outbox;

	private final ClickHouseClient clickHouse;

	private final Shipper shipper;

	private final HistoryMetrics metrics;

	private final TransactionTemplate transactions;

	private final TransactionTemplate reads;

	private final HistorySettings settings;

	private final Clock clock;

	HistoryOperations(StatusHistory history, HistoryEvents events, Outbox outbox, ClickHouseClient clickHouse,
			Shipper shipper, HistoryMetrics metrics, TransactionTemplate transactions, HistorySettings settings,
			Clock clock) {
		this.history = history;
		this.events = events;
		this.outbox = outbox;
		this.clickHouse = clickHouse;
		this.shipper = shipper;
		this.metrics = metrics;
		this.transactions = transactions;
		this.reads = new TransactionTemplate(transactions.getTransactionManager());
		this.reads.setReadOnly(true);
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Page by page (by source id): builds the rows, asks ClickHouse which it holds,
	 * queues the rest the outbox lacks. Each page's rows are built in one read-only
	 * transaction, so an item with many rows is read once per page.
	 */
	@Override
	public long backfill() {
		long queued = backfill(this.history::statusesAfter, StatusEntry::id, this.events::ofStatus)
				+ backfill(this.history::activitiesAfter, ActivityEntry::id, this.events::ofActivity);
		log.info("History backfill queued {} rows", queued);
		this.shipper.nudge();
		return queued;
	}

	private <T> long backfill(PageReader<T> pages, ToLongFunction<T> idOf, Function<T, HistoryEvent> build) {
		long queued = 0;
		long after = 0;
		while (true) {
			long from = after;
			Page<T> page = this.reads.execute((status) -> {
				List<T> sources = pages.after(from, this.settings.batchSize());
				return new Page<>(sources, sources.stream().map(build).toList());
			});
			if (page == null || page.sources().isEmpty()) {
				return queued;
			}
			List<HistoryEvent> rows = page.rows();
			Set<Long> stored = this.clickHouse.storedAmong(rows.stream().map(HistoryEvent::eventId).toList());
			List<HistoryEvent> missing = rows.stream().filter((row) -> !stored.contains(row.eventId())).toList();
			queued += queue(missing);
			after = idOf.applyAsLong(page.sources().get(page.sources().size() - 1));
		}
	}

	private int queue(List<HistoryEvent> missing) {
		try {
			return this.transactions.execute((status) -> this.outbox.addMissing(missing, this.clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			// a backfill on another node queued some of them meanwhile: they are there
			// now
			return this.transactions.execute((status) -> this.outbox.addMissing(missing, this.clock.instant()));
		}
	}

	@Scheduled(initialDelayString = "${crm.history.reconcile-first:1m}",
			fixedDelayString = "${crm.history.reconcile-every:24h}")
	void reconcileNow() {
		try {
			List<DayCount> days = reconcile();
			days.stream()
				.filter((day) -> day.difference() != 0)
				.forEach((day) -> log.warn("History of {}: {} rows in our database, {} in ClickHouse", day.day(),
						day.recorded(), day.stored()));
		}
		catch (RuntimeException ex) {
			log.warn("The history's reconciliation failed: {}", ex.getMessage());
		}
	}

	@Override
	public List<DayCount> reconcile() {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		LocalDate first = today.minusDays(this.settings.reconciliationDays() - 1L);
		Map<LocalDate, Long> stored = this.clickHouse.countsPerDay(first, today);
		List<DayCount> days = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			LocalDate from = day;
			Long recorded = this.reads
				.execute((status) -> this.history.countRecorded(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
						from.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
			days.add(new DayCount(day, (recorded != null) ? recorded : 0, stored.getOrDefault(day, 0L)));
		}
		this.metrics.reconciled(days);
		return days;
	}

	/** A page of source rows after an id. */
	@FunctionalInterface
	private interface PageReader<T> {

		List<T> after(long afterId, int limit);

	}

	/** Source rows and the history rows built from them. */
	private record Page<T>(List<T> sources, List<HistoryEvent> rows) {
	}

}
