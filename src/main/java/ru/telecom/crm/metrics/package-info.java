/**
 * The showcase's metrics (DESIGN §7, issue 14): what is open, by whom and for how long,
 * read from the database at scrape time so that every node exports the same truth, one
 * series per open item with its primary key as the label {@code id} (capped), and the
 * counters the other modules keep (intake, transitions, mails). Served at
 * {@code /actuator/prometheus} to a scraping client only (the security module).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package ru.telecom.crm.metrics;
