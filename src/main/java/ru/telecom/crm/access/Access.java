package ru.telecom.crm.access;

/** What a caller may do with an item. */
public enum Access {

	/** Not even know it exists: 404. */
	NONE,
	/** See it, change nothing: 403 on a change. */
	READ,
	/** See and change it. */
	FULL

}
