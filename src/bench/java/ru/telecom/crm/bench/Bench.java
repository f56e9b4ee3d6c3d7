package ru.telecom.crm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The benchmark driver (issue 12): sets up the bench users and LegacyDB rows, runs each
 * scenario at its client counts (warm-up, then each level between two readings of the
 * database's counters), prints the figures and writes them to a JSON file. Run by
 * {@code src/bench/run}, which starts the cluster and the app first.
 */
public final class Bench {

	private final Options options;

	private final Api api;

	private final Psql psql;

	/** The app and its database: what every scenario but the floor measures. */
	private final Target app;

	private final Report report = new Report(System.out);

	private Bench(Options options) {
		this.options = options;
		this.api = new Api(options.baseUrl());
		this.psql = new Psql(options.psql());
		this.app = new Target(new PgProbe(this.psql, options.database(), options.legacyDatabase()),
				new AppProbe(this.api, options.appPid(), options.out().resolve("pg/data"), options.mailDir()),
				options.database());
	}

	/** Where a scenario's work lands: the database and the process to read. */
	private record Target(PgProbe pg, AppProbe probe, String database) {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		System.exit(new Bench(options).run());
	}

	private int run() throws InterruptedException, IOException {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("started", Instant.now().toString());
		result.put("command", "src/bench/run " + String.join(" ", this.options.commandLine()));
		result.put("smoke", this.options.smoke());
		result.put("machine", machine());
		result.put("appJavaOptions", this.options.javaOpts());
		result.put("startToReadyMs", this.options.startupMs());
		Map<String, Object> memoryAtReady = this.app.probe().memory();
		result.put("memoryAtReady", memoryAtReady);

		BenchUsers users = new BenchUsers(this.options.agents(), this.options.engineers());
		if (this.options.buildData()) {
			setUp(users);
			Map<String, Object> built = new DataSet(this.api, this.psql, this.options.database(), users)
				.build(this.options.closed(), this.options.open());
			Files.writeString(dataSetFile(), Json.write(built));
			return 0;
		}
		if (!this.options.dataReady()) {
			setUp(users);
		}
		result.put("setup", Map.of("agents", users.agents(), "engineers", users.engineers(), "legacyRows",
				this.options.legacyRows()));
		result.put("dataSet", dataSet());

		IntakeMix mix = new IntakeMix(this.options.legacyRows());
		Map<String, Scenario> scenarios = Map.of("intake", new IntakeScenario(this.api, users, mix), "lifecycle",
				new LifecycleScenario(this.api, users, mix), "worklists", new WorklistsScenario(this.api, users),
				"channels", new ChannelsScenario(this.api, mix, this.psql, this.options.database()), "search",
				new SearchScenario(this.api, users), "scrape", new ScrapeScenario(this.api));
		CleanupScenario cleanup = new CleanupScenario(this.api, this.psql, this.options.database(),
				scenarios.get("lifecycle"), this.options.cleanupRows());
		List<Map<String, Object>> levels = new ArrayList<>();
		List<Level> all = new ArrayList<>();
		long errors = 0;
		boolean empty = false;
		long failedJobs = 0;
		for (Map.Entry<String, List<Integer>> plan : this.options.plans().entrySet()) {
			if (plan.getKey().equals("start")) {
				result.put("start", new StartTimes(this.options, this.psql).run());
				continue;
			}
			if (plan.getKey().equals(SlaClocksRun.NAME)) {
				Map<String, Object> clocks = new SlaClocksRun(this.api, this.psql, this.options.database(), users, mix,
						this.options.clocks(), this.options.probes(), this.options.probeSpread())
					.run();
				result.put(SlaClocksRun.NAME, clocks);
				errors += SlaClocksRun.errors(clocks);
				continue;
			}
			boolean floor = plan.getKey().equals("floor");
			Scenario scenario = null;
			Target target = this.app;
			List<Level> done;
			if (plan.getKey().equals(CleanupScenario.NAME)) {
				List<Integer> clients = plan.getValue().isEmpty() ? List.of(4) : plan.getValue();
				List<Level> without = runScenario(cleanup.lifecycle("cleanup-off"), clients, 0, target, null);
				cleanup.load();
				List<Level> during = runScenario(cleanup.lifecycle("cleanup-on"), clients, 0, target, cleanup);
				result.put("cleanup", cleanup.figures(without, during));
				done = new ArrayList<>(without);
				done.addAll(during);
			}
			else {
				double rate = OpenLoop.rate(plan.getKey());
				scenario = floor ? floor(users, result) : scenarios.get(plan.getKey().replaceFirst("@.*", ""));
				target = floor ? floorTarget((LongSupplier) scenario) : this.app;
				List<Integer> clients = plan.getValue().isEmpty() ? scenario.defaultClients() : plan.getValue();
				done = runScenario(scenario, (rate > 0) ? List.of(OpenLoop.WORKERS) : clients, rate, target, null);
			}
			for (Level level : done) {
				Map<String, Object> map = level.toMap();
				map.putAll(this.levelFigures.getOrDefault(level, Map.of()));
				levels.add(map);
				all.add(level);
				errors += level.phase().tally().errorCount();
				empty |= level.phase().tally().operations.count() == 0;
			}
			errors += this.warmupErrors;
			if (floor) {
				failedJobs += endFloor((AutoCloseable) scenario, target, result);
			}
		}
		result.put("levels", levels);
		if (this.options.soak() > 0) {
			Map<String, Object> soak = Soak.run(
					Soak.mixed(scenarios.get("intake"), scenarios.get("lifecycle"), scenarios.get("worklists")),
					this.app.probe(), this.options.soak());
			result.put("soak", soak);
			errors += (Long) soak.get("errorCount");
		}
		result.put("floorRatios", FloorRatios.print(all));
		if (this.options.peer() && this.options.peerClasspath().isEmpty()) {
			System.out.println("\npeer: not run (see the run script's message)");
		}
		else if (this.options.peer()) {
			List<Map<String, Object>> peer = Peer.run(this.options,
					this.options.plans().getOrDefault("lifecycle", List.of(1, 4)).isEmpty() ? List.of(1, 4)
							: this.options.plans().get("lifecycle"));
			Peer.print(peer);
			result.put("peer", peer);
		}
		result.put("jobs", jobsAfterwards(this.app));
		result.put("memoryAtEnd", this.app.probe().memory());
		result.put("warmupErrors", this.warmupErrors);

		Path file = this.options.out()
			.resolve("results-"
					+ DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
					+ (this.options.smoke() ? "-smoke" : "") + ".json");
		Files.writeString(file, Json.write(result));
		Files.writeString(this.options.out().resolve("results-latest.json"), Json.write(result));
		System.out.printf("%nstart to ready %d ms; memory at ready %s, at the end %s%njobs afterwards %s%n",
				this.options.startupMs(), memoryAtReady, result.get("memoryAtEnd"), result.get("jobs"));
		System.out.println("figures in " + file);
		@SuppressWarnings("unchecked")
		long appFailedJobs = (Long) ((Map<String, Object>) result.get("jobs")).get("failed");
		failedJobs += appFailedJobs;
		if (errors > 0 || empty || failedJobs > 0) {
			System.out.printf("%s: %d errors, %s, %d failed jobs%n",
					this.options.smoke() ? "SMOKE RUN FAILED" : "WARNING", errors,
					empty ? "a level without a successful operation" : "every level did work", failedJobs);
			return this.options.smoke() ? 1 : 0;
		}
		return 0;
	}

	private long warmupErrors;

	private void setUp(BenchUsers users) {
		long setup = System.nanoTime();
		LegacyRows.load(this.psql, this.options.legacyDatabase(), this.options.legacyRows());
		BenchDirectory.create(this.api, this.psql, this.options.database(), users);
		System.out.printf(Locale.ROOT, "set up %d agents, %d engineers, %d LegacyDB customers and orders in %.1f s%n",
				users.agents(), users.engineers(), this.options.legacyRows(), (System.nanoTime() - setup) / 1e9);
	}

	/** Where the build of the data set wrote what it made (kept with the cluster). */
	private Path dataSetFile() {
		return this.options.out()
			.resolve("pg/data-set-" + this.options.closed() + "-" + this.options.open() + ".json");
	}

	/** What the lists run on: the build's figures and what the tables hold now. */
	private Map<String, Object> dataSet() throws IOException {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("closed", this.options.closed());
		data.put("open", this.options.open());
		if (Files.exists(dataSetFile())) {
			data.put("build", Files.readString(dataSetFile()).strip());
		}
		List<String[]> rows = this.psql.query(this.options.database(),
				"select 'requests ' || status, count(*) from service_request group by status order by 1",
				"select 'incidents ' || status, count(*) from incident group by status order by 1",
				"select 'tasks', count(*) from act_ru_task",
				"select 'process instances', count(*) from act_ru_execution where parent_id_ is null",
				"select 'status rows', count(*) from status", "select 'activity rows', count(*) from activity",
				"select 'database MB', pg_database_size(current_database()) / 1048576");
		Map<String, Object> counts = new LinkedHashMap<>();
		rows.forEach((row) -> counts.put(row[0], Long.parseLong(row[1])));
		data.put("rows", counts);
		if (this.options.closed() > 0 || this.options.open() > 0) {
			System.out.println("data set: " + counts);
		}
		return data;
	}

	/** A scenario's own figures and the open loop's, by level, for the JSON. */
	private final Map<Level, Map<String, Object>> levelFigures = new IdentityHashMap<>();

	/**
	 * The engine floor, built by reflection: the driver compiles and runs without the
	 * engine on its class path when no floor is asked for.
	 */
	private Scenario floor(BenchUsers users, Map<String, Object> result) throws InterruptedException {
		if (this.options.floorUrl().isEmpty()) {
			throw new IllegalStateException("the floor needs --floor-url= (src/bench/run passes it)");
		}
		try {
			Scenario floor = (Scenario) Class.forName("ru.telecom.crm.bench.FloorScenario")
				.getDeclaredConstructor(String.class, Path.class, Path.class, String.class, BenchUsers.class)
				.newInstance(this.options.floorUrl(), this.options.models(), this.options.forms(),
						this.options.floorEngine(), users);
			double seconds = (Double) floor.getClass().getDeclaredMethod("startSeconds").invoke(floor);
			System.out.printf(Locale.ROOT,
					"%nengine floor (%s engine settings): engine built and models deployed in %.1f s%n",
					this.options.floorEngine(), seconds);
			result.put("floorEngineSettings", this.options.floorEngine());
			result.put("floorStartSeconds", seconds);
			return floor;
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("the floor is not compiled: src/bench/run compiles src/bench/floor "
					+ "with the engine from the app's jar", ex);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("the engine floor did not start", ex);
		}
	}

	/** The floor's database and the driver's own JVM, where its engine runs. */
	private Target floorTarget(LongSupplier mails) {
		String url = this.options.floorUrl();
		String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		String database = path.substring(path.lastIndexOf('/') + 1);
		return new Target(new PgProbe(this.psql, database, this.options.legacyDatabase()),
				AppProbe.ofThisJvm(this.options.out().resolve("pg/data"), mails), database);
	}

	/** Its jobs and memory afterwards, then the engine stopped; the failed jobs. */
	private long endFloor(AutoCloseable floor, Target target, Map<String, Object> result) throws InterruptedException {
		Map<String, Object> jobs = jobsAfterwards(target);
		Map<String, Object> memory = target.probe().memory();
		result.put("floorJobs", jobs);
		result.put("floorMemoryAtEnd", memory);
		System.out.printf("engine floor: jobs afterwards %s; memory of the driver's JVM %s%n", jobs, memory);
		try {
			floor.close();
		}
		catch (Exception ex) {
			System.out.println("engine floor: the engine did not close: " + ex);
		}
		return (Long) jobs.get("failed");
	}

	/**
	 * The warm-up, then each level between two readings of the counters.
	 * @param rate operations a second of an open loop ({@link OpenLoop}); 0 for the
	 * clients' closed loop
	 * @param cleanup with the history cleanup's figures right around each level, or null
	 */
	private List<Level> runScenario(Scenario scenario, List<Integer> clients, double rate, Target target,
			CleanupScenario cleanup)
			throws InterruptedException {
		Runner.Limit first = this.options.limit(clients.get(0));
		this.report.scenario(scenario, this.options.warmup(), first.byOperations()
				? (this.options.operations() > 0 ? this.options.operations() + " operations" : "2 operations a client")
				: String.format(Locale.ROOT, "%.0f s", first.seconds()));
		if (this.options.warmup() > 0) {
			int most = clients.stream().mapToInt(Integer::intValue).max().orElse(1);
			Runner.Limit limit = new Runner.Limit(this.options.warmup(), 0);
			Runner.Phase warmup = (rate > 0)
					? OpenLoop.run(scenario, rate, limit, scenario.name() + " warm-up @" + rate).phase()
					: Runner.run(scenario, most, limit, scenario.name() + " warm-up x" + most);
			scenario.afterPhase(true);
			this.warmupErrors += warmup.tally().errorCount();
			if (warmup.tally().firstError != null) {
				System.out.println("        warm-up error: " + warmup.tally().firstError);
			}
		}
		List<Level> levels = new ArrayList<>();
		AppProbe app = target.probe();
		settle(app);
		PgProbe.Snapshot before = target.pg().take();
		long mails = app.mails();
		double[] cpu = app.cpuSeconds();
		for (int count : clients) {
			if (cleanup != null) {
				cleanup.beforeLevel();
			}
			OpenLoop.Result open = (rate > 0)
					? OpenLoop.run(scenario, rate, this.options.limit(count), scenario.name() + " @" + rate) : null;
			Runner.Phase phase = (open != null) ? open.phase()
					: Runner.run(scenario, count, this.options.limit(count), scenario.name() + " x" + count);
			if (cleanup != null) {
				cleanup.afterLevel(phase);
			}
			settle(app);
			PgProbe.Snapshot after = target.pg().take();
			long mailsAfter = app.mails();
			double[] cpuAfter = app.cpuSeconds();
			Level level = new Level(scenario, phase, target.pg().between(before, after), mailsAfter - mails,
					cpuAfter[0] - cpu[0], cpuAfter[1] - cpu[1], app.memory(), this.options.settle() > 0);
			this.report.level(level);
			Map<String, Object> figures = new LinkedHashMap<>();
			if (open != null) {
				open.figures().print();
				figures.putAll(open.figures().toMap());
			}
			Map<String, Object> own = scenario.afterPhase(false);
			if (!own.isEmpty()) {
				figures.put(scenario.name(), own);
				// what the scenario read counts in no level
				after = target.pg().take();
			}
			this.levelFigures.put(level, figures);
			if (level.sql().deallocations() > 0) {
				System.out.println("        pg_stat_statements evicted entries: raise pg_stat_statements.max");
			}
			levels.add(level);
			before = after;
			mails = mailsAfter;
			cpu = cpuAfter;
		}
		this.report.details(levels.get(levels.size() - 1));
		return levels;
	}

	/**
	 * Waits until PostgreSQL has flushed every backend's transaction counts (it does so
	 * 10 s after a backend went idle) and the mails of the phase are out.
	 */
	private void settle(AppProbe app) throws InterruptedException {
		if (this.options.settle() <= 0) {
			return;
		}
		long start = System.nanoTime();
		long last = app.mails();
		long stableSince = start;
		try (Progress progress = new Progress("settling", this.options.settle(), true, null)) {
			while (true) {
				Thread.sleep(500);
				long now = System.nanoTime();
				long mails = app.mails();
				if (mails != last) {
					last = mails;
					stableSince = now;
				}
				double waited = (now - start) / 1e9;
				if ((waited >= this.options.settle() && now - stableSince > 2_000_000_000L)
						|| waited > this.options.settle() + 60) {
					return;
				}
			}
		}
	}

	/**
	 * Waits (a minute at most) for due jobs to run, then counts what is left and what
	 * failed.
	 */
	private Map<String, Object> jobsAfterwards(Target target) throws InterruptedException {
		// the history cleanup's job is due while it has work, in the cleanup scenario's window
		String due = "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())"
				+ " and handler_type_ <> 'history-cleanup'";
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (Long.parseLong(this.psql.value(target.database(), due)) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
		List<String[]> rows = this.psql
			.query(target.database(), "select count(*), count(*) filter (where exception_msg_ is not null), "
					+ "count(*) filter (where retries_ > 0 and (duedate_ is null or duedate_ <= now())) from act_ru_job",
					"select count(*) from act_ru_incident");
		Map<String, Object> jobs = new LinkedHashMap<>();
		jobs.put("left", Long.parseLong(rows.get(0)[0]));
		jobs.put("failed", Long.parseLong(rows.get(0)[1]));
		jobs.put("due", Long.parseLong(rows.get(0)[2]));
		jobs.put("engineIncidents", Long.parseLong(rows.get(1)[0]));
		jobs.put("mailsCaptured", target.probe().mails());
		return jobs;
	}

	private Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
		machine.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("postgresql", this.psql.value("postgres", "show server_version"));
		System.out.printf("machine: %s%n", machine);
		return machine;
	}

	private static String firstValue(Path file, String key) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter((line) -> line.startsWith(key))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
