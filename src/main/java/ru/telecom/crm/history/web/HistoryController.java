package ru.telecom.crm.history.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.telecom.crm.history.HistoryExport;
import ru.telecom.crm.history.HistoryExport.DayCount;
import ru.telecom.crm.shared.ConflictException;

/**
 * The history's operations for administrators ({@code /api/admin/**} is theirs alone).
 * Without ClickHouse configured there is nothing to send the history to: 409.
 */
@RestController
class HistoryController {

	private final ObjectProvider<HistoryExport> export;

	HistoryController(ObjectProvider<HistoryExport> export) {
		this.export = export;
	}

	/**
	 * Queues the existing history ClickHouse lacks; the shipper sends it after this
	 * answers (202).
	 */
	@PostMapping("/api/admin/history/backfill")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Backfilled backfill() {
		return new Backfilled(export().backfill());
	}

	/** Compares the last days' counts now, as the daily run does. */
	@PostMapping("/api/admin/history/reconciliation")
	List<Day> reconcile() {
		return export().reconcile().stream().map(Day::of).toList();
	}

	private HistoryExport export() {
		HistoryExport available = this.export.getIfAvailable();
		if (available == null) {
			throw new ConflictException(
					"The history is off: set crm.history.clickhouse.url (CRM_CLICKHOUSE_URL) to ship it to ClickHouse");
		}
		return available;
	}

	/** How many rows the backfill queued. */
	record Backfilled(long queued) {
	}

	/** A day of the reconciliation, with its difference (rows ClickHouse lacks). */
	record Day(LocalDate day, long recorded, long stored, long difference) {

		static Day of(DayCount count) {
			return new Day(count.day(), count.recorded(), count.stored(), count.difference());
		}

	}

}
