package ru.telecom.crm.bench;

import java.util.List;
import java.util.Map;

/** A workload: what one operation is, done by each client as its own user(s). */
interface Scenario {

	String name();

	/** What one operation is, for the report ("request", "lifecycle", "list"). */
	String unit();

	/** The client counts it runs at unless told otherwise. */
	List<Integer> defaultClients();

	/** Client number {@code index} (from 0): its users and state. */
	Client client(int index);

	/**
	 * Figures of the scenario's own about the phase that just ended (printed by it, added
	 * to the level's JSON), read after the level's database counters; a warm-up's are
	 * dropped. None by default.
	 */
	default Map<String, Object> afterPhase(boolean warmup) throws InterruptedException {
		return Map.of();
	}

	/** One client; each runs in a thread of its own. */
	interface Client {

		void operation(Tally tally) throws Tally.StepFailed;

	}

}
