package ru.telecom.crm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a fault run left, read from the database once the load stopped and the jobs ran:
 * every acknowledged operation present (lost: none), nothing there twice (duplicated:
 * none), every item's status equal to its last status row, one mail per event (a second
 * send only with the same Message-ID, the send-then-crash window), and no job left over.
 * Mails sent are read from the app's log, one line per captured mail over all its runs
 * (the capture folder keeps one file per Message-ID, so a second send overwrites it).
 */
final class FaultChecks {

	private static final Pattern CAPTURED = Pattern.compile("Mail '.*' captured in \\S*/([^/\\s]+)\\.eml");

	private final Psql psql;

	private final String database;

	FaultChecks(Psql psql, String database) {
		this.psql = psql;
		this.database = database;
	}

	Map<String, Object> check(FaultLoad load, Path appLog) throws IOException {
		return check(load, sendsInLog(appLog));
	}

	/**
	 * The checks, with the mails sent given per Message-ID (in {@link #fileName} form):
	 * read from the app's log, or from a mail server of the harness.
	 */
	Map<String, Object> check(FaultLoad load, Map<String, Integer> sends) {
		Map<String, Object> result = new LinkedHashMap<>();
		List<String> lostExamples = new ArrayList<>();

		// requests by the token their description starts with
		Map<String, long[]> requests = new HashMap<>();
		for (String[] row : this.psql.query(this.database,
				"select substring(description from '" + FaultLoad.TOKEN_PATTERN + "'), count(*), min(id) "
						+ "from service_request where description like 'flt%' group by 1")) {
			requests.put(row[0], new long[] { Long.parseLong(row[1]), Long.parseLong(row[2]) });
		}
		long requestsDoubled = requests.values().stream().filter((r) -> r[0] > 1).count();

		long intakesLost = 0;
		for (FaultLoad.Intake intake : load.intakes) {
			long[] found = requests.get(intake.token());
			if (found == null || found[1] != intake.id()) {
				intakesLost++;
				lostExamples.add("intake " + intake.token() + " id " + intake.id());
			}
		}

		Map<String, long[]> keys = new HashMap<>();
		for (String[] row : this.psql.query(this.database,
				"select idempotency_key, count(*), min(service_request_id) from channel_message "
						+ "where caller = 'esb' and idempotency_key like 'flt%' group by 1")) {
			keys.put(row[0], new long[] { Long.parseLong(row[1]), Long.parseLong(row[2]) });
		}
		long keysDoubled = keys.values().stream().filter((k) -> k[0] > 1).count();
		long esbLost = 0;
		for (FaultLoad.Esb esb : load.esbs) {
			long[] key = keys.get(esb.key());
			long[] request = requests.get(esb.token());
			if (key == null || key[1] != esb.requestId() || request == null || request[1] != esb.requestId()) {
				esbLost++;
				lostExamples.add("ESB " + esb.key() + " request " + esb.requestId());
			}
		}

		// lifecycles: the request, the incident and a status row per acknowledged change
		long lifecycleStepsLost = 0;
		Map<Long, FaultLoad.Lifecycle> byIncident = new HashMap<>();
		for (FaultLoad.Lifecycle lifecycle : load.lifecycles) {
			long[] request = requests.get(lifecycle.token());
			if (request == null || request[1] != lifecycle.requestId()) {
				lifecycleStepsLost++;
				lostExamples.add("lifecycle request " + lifecycle.token());
			}
			if (lifecycle.incidentId() > 0) {
				byIncident.put(lifecycle.incidentId(), lifecycle);
			}
		}
		long statusRowsDoubled = 0;
		if (!byIncident.isEmpty()) {
			String ids = byIncident.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
			Map<Long, String> incidents = new HashMap<>();
			for (String[] row : this.psql.query(this.database,
					"select id, status from incident where id in (" + ids + ")")) {
				incidents.put(Long.parseLong(row[0]), row[1]);
			}
			Set<String> statusRows = new HashSet<>();
			for (String[] row : this.psql.query(this.database, "select incident_id, new_status, count(*) from status "
					+ "where incident_id in (" + ids + ") group by 1, 2")) {
				statusRows.add(row[0] + ":" + row[1]);
				statusRowsDoubled += (Long.parseLong(row[2]) > 1) ? 1 : 0;
			}
			for (FaultLoad.Lifecycle lifecycle : byIncident.values()) {
				if (!incidents.containsKey(lifecycle.incidentId())) {
					lifecycleStepsLost++;
					lostExamples.add("incident " + lifecycle.incidentId());
				}
				for (String status : lifecycle.statuses()) {
					if (!statusRows.contains(lifecycle.incidentId() + ":" + status)) {
						lifecycleStepsLost++;
						lostExamples.add("incident " + lifecycle.incidentId() + " " + status);
					}
				}
			}
		}

		result.put("lost", intakesLost + esbLost + lifecycleStepsLost);
		result.put("lostIntakes", intakesLost);
		result.put("lostEsbMessages", esbLost);
		result.put("lostLifecycleSteps", lifecycleStepsLost);
		result.put("lostExamples", lostExamples.subList(0, Math.min(10, lostExamples.size())));
		result.put("duplicated", requestsDoubled + keysDoubled + statusRowsDoubled);
		result.put("requestsTwice", requestsDoubled);
		result.put("idempotencyKeysTwice", keysDoubled);
		result.put("incidentStatusRowsTwice", statusRowsDoubled);

		// every item's status is its last status row's
		String[] disagree = this.psql.query(this.database, """
				select (select count(*) from service_request r where r.status is distinct from
				          (select s.new_status from status s where s.service_request_id = r.id
				           order by s.created_at desc, s.id desc limit 1)),
				       (select count(*) from incident i where i.status is distinct from
				          (select s.new_status from status s where s.incident_id = i.id
				           order by s.created_at desc, s.id desc limit 1))""").get(0);
		result.put("statusDisagreesRequests", Long.parseLong(disagree[0]));
		result.put("statusDisagreesIncidents", Long.parseLong(disagree[1]));

		result.putAll(mails(sends));
		result.putAll(jobsLeft());
		return result;
	}

	/** Mails captured per Message-ID, from the app's log (one line per capture). */
	private static Map<String, Integer> sendsInLog(Path appLog) throws IOException {
		Map<String, Integer> sends = new HashMap<>();
		for (String line : Files.readAllLines(appLog)) {
			Matcher matcher = CAPTURED.matcher(line);
			if (matcher.find()) {
				sends.merge(matcher.group(1), 1, Integer::sum);
			}
		}
		return sends;
	}

	/** A Message-ID as the capture names its file ({@code <a@b>} to {@code a@b}). */
	static String fileName(String messageId) {
		return messageId.replaceAll("[<>]", "").replaceAll("[^A-Za-z0-9.@-]", "_");
	}

	private Map<String, Object> mails(Map<String, Integer> sends) {
		Set<String> recorded = new HashSet<>();
		long recordedWithRecipients = 0;
		long notSent = 0;
		for (String[] row : this.psql.query(this.database,
				"select message_id, coalesce(recipients, '') <> '' from mail_delivery")) {
			String file = fileName(row[0]);
			recorded.add(file);
			if (row[1].equals("t")) {
				recordedWithRecipients++;
				notSent += sends.containsKey(file) ? 0 : 1;
			}
		}
		long sentTwice = sends.values().stream().filter((n) -> n > 1).count();
		long sentNotRecorded = sends.keySet().stream().filter((id) -> !recorded.contains(id)).count();
		String eventsTwice = this.psql.value(this.database, "select count(*) from (select incident_id, kind "
				+ "from mail_delivery where kind <> 'SLA_ALARM' group by 1, 2 having count(*) > 1) d");
		Map<String, Object> mails = new LinkedHashMap<>();
		mails.put("mailEventsRecorded", recorded.size());
		mails.put("mailsSent", sends.values().stream().mapToInt(Integer::intValue).sum());
		mails.put("mailMessageIdsSent", sends.size());
		mails.put("mailsRecordedNotSent", notSent);
		mails.put("mailsSentNotRecorded", sentNotRecorded);
		mails.put("mailSentTwiceSameMessageId", sentTwice);
		mails.put("mailEventsRecordedTwice", Long.parseLong(eventsTwice));
		mails.put("mailRecordedWithRecipients", recordedWithRecipients);
		return mails;
	}

	private Map<String, Object> jobsLeft() {
		String[] jobs = this.psql.query(this.database, """
				select count(*) filter (where duedate_ <= now() and retries_ > 0),
				       count(*) filter (where retries_ = 0),
				       (select count(*) from act_ru_incident)
				from act_ru_job""").get(0);
		Map<String, Object> left = new LinkedHashMap<>();
		left.put("jobsDueLeft", Long.parseLong(jobs[0]));
		left.put("jobsFailed", Long.parseLong(jobs[1]));
		left.put("engineIncidents", Long.parseLong(jobs[2]));
		return left;
	}

	/**
	 * Whether the checks every scenario shares hold: nothing lost or doubled, no status
	 * disagreeing with its item, one mail per event, no job left due or failed.
	 */
	static boolean clean(Map<String, Object> checks, String... notApplying) {
		return List.of("lost", "duplicated", "statusDisagreesRequests", "statusDisagreesIncidents",
				"mailsRecordedNotSent", "mailsSentNotRecorded", "mailEventsRecordedTwice", "jobsDueLeft", "jobsFailed")
			.stream()
			.filter((name) -> !List.of(notApplying).contains(name))
			.allMatch((name) -> zero(checks, name));
	}

	/** Whether a count among a scenario's figures is 0. */
	static boolean zero(Map<String, Object> figures, String name) {
		return ((Number) figures.get(name)).longValue() == 0;
	}

	/** Waits (at most 10 minutes) until no due job is left, then a second for the log's last lines. */
	void drain() throws InterruptedException {
		long start = System.nanoTime();
		while (dueJobs() > 0 && System.nanoTime() - start < 600_000_000_000L) {
			Thread.sleep(500);
		}
		Thread.sleep(1000);
	}

	/** Due jobs still waiting (retries left), for the drain before the checks. */
	long dueJobs() {
		return Long.parseLong(this.psql.value(this.database,
				"select count(*) from act_ru_job where duedate_ <= now() and retries_ > 0"));
	}

}
