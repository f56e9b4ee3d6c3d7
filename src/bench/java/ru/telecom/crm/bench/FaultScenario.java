package ru.telecom.crm.bench;

import java.util.Map;

/**
 * One scenario of the fault harness ({@code src/bench/faults <name>}): runs load, injects
 * its fault, checks the outcome from the database and returns its figures (with a
 * boolean {@code passed}); {@link #table} renders them for FAULTS.md.
 */
interface FaultScenario {

	Map<String, Object> run() throws Exception;

	String table(Map<String, Object> result);

}
