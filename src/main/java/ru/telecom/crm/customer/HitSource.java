package ru.telecom.crm.customer;

/** Where a search hit lives. */
public enum HitSource {

	/** In our database: it has an id of ours. */
	OURS,
	/**
	 * Only in LegacyDB: no id of ours until it is first used, when it is copied (DESIGN
	 * §5).
	 */
	LEGACY

}
