package ru.telecom.crm.incident;

import java.util.List;

/**
 * The engineers an incident of a work group may be given to, each with how many open
 * incidents they hold now: what the console's and Tasklist's engineer pickers list.
 */
public interface EngineerChoices {

	/**
	 * The third-line users and managers of the work group's queue ({@code wg-<code>}), by
	 * name, with their open load (incidents not closed), read in one query.
	 */
	List<EngineerLoad> ofGroup(String groupId);

	/** One engineer and the incidents they hold that are not closed. */
	record EngineerLoad(String id, String name, long open) {

		/** What a picker shows, in both languages (Camunda Forms cannot translate). */
		public String label() {
			return this.name + " — " + this.open + " open / открыто: " + this.open;
		}

	}

}
