package ru.telecom.crm.servicerequest;

/** Why a service request closed. */
public enum CloseReason {

	/** Its incident closed. */
	INCIDENT_CLOSED,
	/** The agent closed it: no incident could be opened. */
	NO_INCIDENT,
	/** An engineer unlinked its incident from it. */
	INCIDENT_UNLINKED

}
