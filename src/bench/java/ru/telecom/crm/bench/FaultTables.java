package ru.telecom.crm.bench;

import java.util.Map;

/** The rows every fault scenario's table shares: the load and the checks from the database. */
final class FaultTables {

	private FaultTables() {
	}

	/** A "check | result" table of the load's figures and the checks (no closing row). */
	@SuppressWarnings("unchecked")
	static String checks(Map<String, Object> result) {
		Map<String, Object> c = (Map<String, Object>) result.get("checks");
		Map<String, Object> l = (Map<String, Object>) result.get("load");
		StringBuilder out = new StringBuilder();
		out.append("| check | result |\n|---|---|\n");
		row(out, "acknowledged: intakes / ESB messages / lifecycles (complete)",
				l.get("intakesAcknowledged") + " / " + l.get("esbAcknowledged") + " / " + l.get("lifecycles") + " ("
						+ l.get("lifecyclesComplete") + ")");
		row(out, "calls unanswered and retried (of them answered 5xx)",
				l.get("callsUnanswered") + " (" + l.get("callsAnswered5xx") + " by status: "
						+ l.get("callsAnswered5xxByStatus") + ")");
		row(out, "ESB messages retried with the same key / intakes found by search after no answer",
				l.get("esbRetriedWithSameKey") + " / " + l.get("intakesFoundBySearchAfterNoAnswer"));
		row(out, "other answers", l.get("errors").toString());
		row(out, "**lost** (acknowledged, not in the database)", c.get("lost"));
		row(out, "**duplicated** (requests / idempotency keys / status rows twice)", c.get("duplicated") + " ("
				+ c.get("requestsTwice") + " / " + c.get("idempotencyKeysTwice") + " / " + c.get("incidentStatusRowsTwice")
				+ ")");
		row(out, "status disagreeing with its item (requests / incidents)",
				c.get("statusDisagreesRequests") + " / " + c.get("statusDisagreesIncidents"));
		row(out, "mail events recorded / mails sent / sent twice with the same Message-ID",
				c.get("mailEventsRecorded") + " / " + c.get("mailsSent") + " / " + c.get("mailSentTwiceSameMessageId"));
		row(out, "mails recorded not sent / sent not recorded / events recorded twice",
				c.get("mailsRecordedNotSent") + " / " + c.get("mailsSentNotRecorded") + " / "
						+ c.get("mailEventsRecordedTwice"));
		row(out, "jobs left due / failed / engine incidents",
				c.get("jobsDueLeft") + " / " + c.get("jobsFailed") + " / " + c.get("engineIncidents"));
		return out.toString();
	}

	static void row(StringBuilder out, String name, Object value) {
		out.append("| ").append(name).append(" | ").append(value).append(" |\n");
	}

}
