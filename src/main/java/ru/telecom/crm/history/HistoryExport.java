package ru.telecom.crm.history;

import java.time.LocalDate;
import java.util.List;

/**
 * The history's operations for administrators; a bean only while ClickHouse is
 * configured.
 */
public interface HistoryExport {

	/**
	 * Queues every status and activity row that ClickHouse does not hold and the outbox
	 * does not already have (rows written before ClickHouse was configured); a second
	 * call queues nothing new. The shipper sends them after this returns.
	 * @return how many rows were queued
	 * @throws ClickHouseUnavailableException when ClickHouse cannot say what it holds
	 */
	long backfill();

	/**
	 * Compares, for each of the last {@code crm.history.reconciliation-days} days (UTC),
	 * the rows our database holds with the distinct events ClickHouse holds, and exports
	 * the differences as {@code crm_history_reconciliation_difference{day}}.
	 * @throws ClickHouseUnavailableException when ClickHouse cannot count
	 */
	List<DayCount> reconcile();

	/**
	 * One day of the reconciliation.
	 *
	 * @param recorded status and activity rows written that day in our database
	 * @param stored distinct events of that day in ClickHouse
	 */
	record DayCount(LocalDate day, long recorded, long stored) {

		/** Rows ClickHouse lacks (not shipped yet, or never queued); 0 when in step. */
		public long difference() {
			return this.recorded - this.stored;
		}

	}

}
