package ru.telecom.crm.retention.internal;

/** The settings of the retention tests' one context. */
final class RetentionTestProperties {

	/** The tests' own process, deployed by them with a model time-to-live of 180 days. */
	static final String PROBE = "RetentionProbe";

	static final String PROBE_TTL = "crm.retention.history-time-to-live.RetentionProbe=1";

	/** The model's own value, in lower case as the environment gives it. */
	static final String MAIL_TTL = "crm.retention.history-time-to-live.incidentmailprocess=30";

	/**
	 * An engine name of its own: the engine REST API finds its engine in the engines'
	 * static registry by name, so a second context's engine named {@code default} would
	 * answer the other contexts' REST calls, with none of their callers signed in.
	 */
	static final String ENGINE_NAME = "camunda.bpm.process-engine-name=retention";

	private RetentionTestProperties() {
	}

}
