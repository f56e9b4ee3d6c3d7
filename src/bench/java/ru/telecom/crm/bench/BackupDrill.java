package ru.telecom.crm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backup and restore drill, as README's "Backing up" tells an operator to do it:
 * {@code pg_dump -Fc} of our database while the app runs under load, restored with
 * {@code pg_restore} into a fresh database, and the app started on the copy. Every item
 * acknowledged before the dump began must be in the copy with its status history and,
 * when it is still open, its process waiting on a task or a job; the app on the copy
 * answers for those items and goes on with them.
 */
final class BackupDrill implements FaultScenario {

	private static final String RESTORED = "crm_restored";

	private static final int API_SAMPLE = 200;

	private static final int ACTIONS = 5;

	private final FaultContext context;

	BackupDrill(FaultContext context) {
		this.context = context;
	}

	@Override
	public Map<String, Object> run() throws Exception {
		BenchUsers users = this.context.prepare();
		FaultLoad load = new FaultLoad(this.context.api(), new IntakeMix(FaultContext.LEGACY_ROWS), users);
		load.start(this.context.option("intake", 2), this.context.option("esb", 3),
				this.context.option("lifecycle", 2));
		Thread.sleep(this.context.option("before", 40) * 1000L);

		// what was acknowledged before the dump began: the copy must hold all of it
		FaultLoad before = new FaultLoad(this.context.api(), null, users);
		before.intakes.addAll(load.intakes);
		before.esbs.addAll(load.esbs);
		before.lifecycles.addAll(load.lifecycles);
		Path dump = this.context.out().resolve(this.context.database() + ".dump");
		long dumpStart = System.nanoTime();
		run(Path.of(this.context.pgBin(), "pg_dump").toString(), "-Fc", "-d", this.context.database(), "-f",
				dump.toString());
		long dumpMs = (System.nanoTime() - dumpStart) / 1_000_000;
		System.out.printf("backup: pg_dump took %d ms under load (%d bytes); %s acknowledged before it began%n",
				dumpMs, Files.size(dump), before.acknowledged());
		Thread.sleep(this.context.option("after", 15) * 1000L);
		load.stop();
		new FaultChecks(this.context.psql(), this.context.database()).drain();
		this.context.app().stop();
		// the largest ids the old database handed out, also after the dump
		long oldRequestId = Long.parseLong(this.context.psql().value(this.context.database(),
				"select coalesce(max(id), 0) from service_request"));
		long oldIncidentId = Long.parseLong(
				this.context.psql().value(this.context.database(), "select coalesce(max(id), 0) from incident"));

		long restoreStart = System.nanoTime();
		this.context.psql().query("postgres", "create database " + RESTORED + " owner crm");
		run(Path.of(this.context.pgBin(), "pg_restore").toString(), "--exit-on-error", "-d", RESTORED,
				dump.toString());
		// README's step after a restore
		run(Path.of(this.context.pgBin(), "psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", RESTORED,
				"-f", Path.of(this.context.options().get("root"), "src/main/resources/db/after-restore.sql").toString());
		long restoreMs = (System.nanoTime() - restoreStart) / 1_000_000;

		// the app on the copy: another port, its own log; the same LegacyDB and mail capture
		int port = Integer.parseInt(this.context.options().get("restored-port"));
		Api restoredApi = new Api("http://127.0.0.1:" + port);
		Path restoredLog = this.context.out().resolve("app-restored.log");
		AppProcess restored = new AppProcess(this.context.options().get("jar"),
				this.context.options().getOrDefault("java-opts", ""),
				List.of("--server.port=" + port,
						"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + this.context.pgPort() + "/" + RESTORED),
				restoredLog, this.context.pidFile("app-restored"), restoredApi,
				Integer.parseInt(this.context.options().getOrDefault("ready-seconds", "300")));
		long launched = System.nanoTime();
		restored.launch();
		restored.awaitReady();
		long readyMs = (System.nanoTime() - launched) / 1_000_000;
		System.out.printf("backup: restored in %d ms; the app on the copy ready after %d ms%n", restoreMs, readyMs);

		Map<String, Object> result = new LinkedHashMap<>();
		result.put("dumpMs", dumpMs);
		result.put("dumpBytes", Files.size(dump));
		result.put("restoreMs", restoreMs);
		result.put("restoredAppReadyMs", readyMs);
		result.put("load", before.figures());
		result.put("items", items(before));
		result.put("restoredApi", api(restoredApi, before, users, oldIncidentId));
		result.put("oldLargestRequestId", oldRequestId);
		FaultChecks checks = new FaultChecks(this.context.psql(), RESTORED);
		checks.drain();
		// mails: those sent by either app (a mail job the copy holds again runs again there, with
		// the same Message-ID)
		Path logs = this.context.out().resolve("app-both.log");
		Files.write(logs, Files.readAllLines(this.context.appLog()));
		Files.write(logs, Files.readAllLines(restoredLog), java.nio.file.StandardOpenOption.APPEND);
		Map<String, Object> found = checks.check(before, logs);
		result.put("checks", found);
		restored.stop();
		@SuppressWarnings("unchecked")
		Map<String, Object> items = (Map<String, Object>) result.get("items");
		@SuppressWarnings("unchecked")
		Map<String, Object> answered = (Map<String, Object>) result.get("restoredApi");
		// a mail the first app sent after the dump began is not recorded in the copy: not a fault
		result.put("passed", FaultChecks.clean(found, "mailsSentNotRecorded") && FaultChecks.zero(items, "withoutStatusRows")
				&& FaultChecks.zero(items, "openWithoutProcess") && FaultChecks.zero(items, "openWithNothingToWaitOn")
				&& FaultChecks.zero(answered, "notAnswered") && FaultChecks.zero(answered, "actionsRefused")
				&& FaultChecks.zero(answered, "idsReused") && ((Number) answered.get("incidentsOpened")).longValue() > 0);
		return result;
	}

	/**
	 * The copy's requests of this run with their status rows and, for the open ones, their
	 * request process with the tasks and jobs it waits on.
	 */
	private Map<String, Object> items(FaultLoad before) {
		Map<Long, String[]> requests = new HashMap<>();
		for (String[] row : this.context.psql().query(RESTORED, """
				select r.id, r.status,
				       (select count(*) from status s where s.service_request_id = r.id),
				       count(e.id_),
				       (select count(*) from act_ru_task t where t.proc_inst_id_ = min(e.id_)),
				       (select count(*) from act_ru_job j where j.process_instance_id_ = min(e.id_)),
				       (select count(*) from act_ru_event_subscr m where m.proc_inst_id_ = min(e.id_))
				from service_request r
				left join act_ru_execution e on e.business_key_ = r.id::text and e.id_ = e.proc_inst_id_
				  and e.proc_def_id_ in (select id_ from act_re_procdef where key_ = 'ServiceRequestProcess')
				where r.description like 'flt%'
				group by r.id, r.status""")) {
			requests.put(Long.parseLong(row[0]), row);
		}
		List<Long> ids = new ArrayList<>();
		before.intakes.forEach((intake) -> ids.add(intake.id()));
		before.esbs.forEach((esb) -> ids.add(esb.requestId()));
		before.lifecycles.forEach((lifecycle) -> ids.add(lifecycle.requestId()));
		long missing = 0;
		long withoutStatus = 0;
		long open = 0;
		long withoutProcess = 0;
		long waitingOnTask = 0;
		long waitingOnJob = 0;
		long waitingOnMessage = 0;
		long nothing = 0;
		for (long id : ids) {
			String[] row = requests.get(id);
			if (row == null) {
				missing++;
				continue;
			}
			withoutStatus += row[2].equals("0") ? 1 : 0;
			if (!row[1].equals("CLOSED")) {
				open++;
				if (row[3].equals("0")) {
					withoutProcess++;
				}
				else if (!row[4].equals("0")) {
					waitingOnTask++;
				}
				else if (!row[5].equals("0")) {
					waitingOnJob++;
				}
				else if (!row[6].equals("0")) {
					waitingOnMessage++;
				}
				else {
					nothing++;
				}
			}
		}
		Map<String, Object> items = new LinkedHashMap<>();
		items.put("requestsAcknowledgedBeforeDump", ids.size());
		items.put("missing", missing);
		items.put("withoutStatusRows", withoutStatus);
		items.put("open", open);
		items.put("openWithoutProcess", withoutProcess);
		items.put("openWaitingOnTask", waitingOnTask);
		items.put("openWaitingOnJob", waitingOnJob);
		items.put("openWaitingOnMessage", waitingOnMessage);
		items.put("openWithNothingToWaitOn", nothing);
		return items;
	}

	/**
	 * The app on the copy: reads a sample of the acknowledged requests, and opens an
	 * incident for a few of the new ones (a request's next step in its lifecycle), as the
	 * helpdesk's manager.
	 */
	private Map<String, Object> api(Api restored, FaultLoad before, BenchUsers users, long oldIncidentId) {
		List<FaultLoad.Intake> intakes = new ArrayList<>(before.intakes);
		long read = 0;
		long notAnswered = 0;
		long acted = 0;
		long refused = 0;
		long reused = 0;
		List<String> examples = new ArrayList<>();
		for (int i = 0; i < Math.min(API_SAMPLE, intakes.size()); i++) {
			FaultLoad.Intake intake = intakes.get(intakes.size() - 1 - i);
			// the helpdesk's manager sees every request of the helpdesk
			Api.Response response = restored.get(BenchUsers.HELPDESK_MANAGER, "/api/service-requests/" + intake.id());
			if (response.status() == 200 && response.body().contains(intake.token())) {
				read++;
			}
			else {
				notAnswered++;
				examples.add("GET " + intake.id() + ": " + response.statusKey());
			}
			if (acted + refused < ACTIONS && response.body().contains("\"status\":\"NEW\"")) {
				Api.Response incident = restored.post(BenchUsers.HELPDESK_MANAGER,
						"/api/service-requests/" + intake.id() + "/incident",
						"{\"serviceCode\":" + LifecycleScenario.SERVICE + "}");
				if (incident.status() == 201) {
					acted++;
					long id = Json.number(incident.body(), "id");
					if (id <= oldIncidentId) {
						reused++;
						examples.add("incident " + id + " reuses an id the old database handed out");
					}
				}
				else {
					refused++;
					examples.add("incident for " + intake.id() + ": " + incident.statusKey() + " "
							+ incident.body().substring(0, Math.min(200, incident.body().length())));
				}
			}
		}
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("read", read);
		figures.put("notAnswered", notAnswered);
		figures.put("incidentsOpened", acted);
		figures.put("actionsRefused", refused);
		figures.put("idsReused", reused);
		figures.put("examples", examples.subList(0, Math.min(5, examples.size())));
		return figures;
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public String table(Map<String, Object> result) {
		Map<String, Object> items = (Map<String, Object>) result.get("items");
		Map<String, Object> api = (Map<String, Object>) result.get("restoredApi");
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"pg_dump under load %.1f s (%.1f MB), pg_restore %.1f s, the app on the copy ready after %.1f s%n%n",
				((Number) result.get("dumpMs")).longValue() / 1000.0,
				((Number) result.get("dumpBytes")).longValue() / 1e6,
				((Number) result.get("restoreMs")).longValue() / 1000.0,
				((Number) result.get("restoredAppReadyMs")).longValue() / 1000.0));
		out.append(FaultTables.checks(result));
		FaultTables.row(out, "requests acknowledged before the dump began / missing in the copy",
				items.get("requestsAcknowledgedBeforeDump") + " / " + items.get("missing"));
		FaultTables.row(out, "without status rows", items.get("withoutStatusRows"));
		FaultTables.row(out,
				"open / waiting on a task / a job / a message (its incident) / without a process / waiting on nothing",
				items.get("open") + " / " + items.get("openWaitingOnTask") + " / " + items.get("openWaitingOnJob") + " / "
						+ items.get("openWaitingOnMessage") + " / " + items.get("openWithoutProcess") + " / "
						+ items.get("openWithNothingToWaitOn"));
		FaultTables.row(out, "the app on the copy: requests read / not answered",
				api.get("read") + " / " + api.get("notAnswered"));
		FaultTables.row(out, "the app on the copy: incidents opened / refused / with an id the old database gave out",
				api.get("incidentsOpened") + " / " + api.get("actionsRefused") + " / " + api.get("idsReused"));
		FaultTables.row(out, "passed", result.get("passed"));
		return out.toString();
	}

}
