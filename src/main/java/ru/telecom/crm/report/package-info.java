/**
 * The managers' reports on service levels (DESIGN §12, issue 15 item 4): SLA compliance,
 * backlog ageing in business hours, engineer performance and queue health.
 * <p>
 * Every figure is recomputed from the incidents' status history (the {@code status} rows)
 * and, for a report on a period, only from rows up to the period's end, so that a report
 * on a past period reads the same whenever it runs. Working time comes from the
 * {@code sla} module: each incident is measured on its work group's calendar by
 * {@link ru.telecom.crm.sla.SlaClock}. The tables are read with plain SQL, a couple of
 * queries per report however many incidents it covers.
 * <p>
 * Managers see the incidents of their DESIGN §3 scope, the same scope as the incident
 * lists ({@code AccessPolicy.incidentScope}); administrators see all; anyone else is
 * refused.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "incident", "sla", "catalog", "directory" })
package ru.telecom.crm.report;
