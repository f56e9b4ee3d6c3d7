/**
 * The history in ClickHouse (DESIGN §7): every status row and activity row, with what the
 * flow board needs of its item (work group, service, priority, channel, close reason,
 * assignee) and the durations the app computes (time to assign, time to close). No client
 * data leaves our database.
 * <p>
 * Off unless {@code crm.history.clickhouse.url} is set: then nothing listens to the
 * status module's events and not one statement is added to a transition. When set, a
 * listener writes one {@code history_outbox} row in the transaction of each change, and a
 * shipper sends the rows in batches after commit ({@code INSERT ... FORMAT JSONEachRow}
 * over plain HTTP, which ClickHouse 18.16 speaks), one node at a time.
 * <p>
 * <b>Event ids.</b> A row's ClickHouse {@code event_id} is its outbox id, and both are
 * derived from the source row: {@code 2 × status.id} for a status row,
 * {@code 2 × activity.id + 1} for an activity row. So a row has the same id whether it
 * went out live or through a backfill, and a backfill or a resend finds what ClickHouse
 * already holds by id. Before every insert the shipper asks ClickHouse which of the
 * batch's ids it has and sends only the rest (an insert that timed out after ClickHouse
 * stored it, a node that died before deleting what it sent); what slips through anyway
 * (ClickHouse still writing when asked) is absorbed by the table's
 * {@code ReplacingMergeTree} and the boards' {@code uniqExact(event_id)}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "status", "servicerequest", "incident", "catalog" })
package ru.telecom.crm.history;
