package ru.telecom.crm.bench;

import java.util.List;

/** A workload: what one operation is, done by each client as its own user(s). */
interface Scenario {

	String name();

	/** What one operation is, for the report ("request", "lifecycle", "list"). */
	String unit();

	/** The client counts it runs at unless told otherwise. */
	List<Integer> defaultClients();

	/** Client number {@code index} (from 0): its users and state. */
	Client client(int index);

	/** One client; each runs in a thread of its own. */
	interface Client {

		void operation(Tally tally) throws Tally.StepFailed;

	}

}
