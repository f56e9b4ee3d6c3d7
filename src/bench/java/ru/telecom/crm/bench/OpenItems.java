package ru.telecom.crm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The open work, made through the API as the helpdesk makes it, so that its processes,
 * tasks, grants and variables are the engine's own: each bench agent opens requests for
 * clients of the closed set (by id and order code), and of every eight: three stay NEW
 * with the agent, two get an incident left NEW in a work group's queue (100 and 200),
 * two an incident olga assigned to an engineer, and one an incident the engineer
 * started. "Items" are requests and incidents together, as for {@link ClosedItems}.
 */
final class OpenItems {

	private final Api api;

	private final BenchUsers users;

	private final long clientBase;

	private final long clients;

	private final long items;

	private final AtomicLong units = new AtomicLong();

	private final AtomicLong made = new AtomicLong();

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	/**
	 * @param clientBase the first of {@code clients} clients of the closed set, whose
	 * order is {@code BGO-<n>}; with none, Popov and ORD-3001
	 */
	OpenItems(Api api, BenchUsers users, long clientBase, long clients, long items) {
		this.api = api;
		this.users = users;
		this.clientBase = clientBase;
		this.clients = clients;
		this.items = items;
	}

	/** Items made so far. */
	long made() {
		return this.made.get();
	}

	void load(int threads) throws InterruptedException {
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				while (this.failure.get() == null && this.made.get() < this.items) {
					try {
						unit(this.units.getAndIncrement());
					}
					catch (RuntimeException ex) {
						this.failure.compareAndSet(null, ex);
					}
				}
			}, "open-items-" + t);
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		if (this.failure.get() != null) {
			throw this.failure.get();
		}
	}

	private void unit(long k) {
		String agent = this.users.agent((int) (k % this.users.agents()));
		String engineer = this.users.engineer((int) ((k / this.users.agents()) % this.users.engineers()));
		long request = Json.number(expect(this.api.post(agent, "/api/service-requests", body(k)), 201), "id");
		this.made.incrementAndGet();
		int kind = (int) (k % 8);
		if (kind < 3) {
			return;
		}
		int service = (kind == 4) ? 2001 : (kind == 5) ? 1002 : 1001;
		long incident = Json.number(expect(this.api.post(agent, "/api/service-requests/" + request + "/incident",
				"{\"serviceCode\":" + service + "}"), 201), "id");
		this.made.incrementAndGet();
		if (kind < 5) {
			return;
		}
		String status = "/api/incidents/" + incident + "/status";
		expect(this.api.post(BenchUsers.GROUP_MANAGER, status,
				"{\"status\":\"ASSIGNED\",\"assignee\":" + Json.quote(engineer) + "}"), 200);
		if (kind == 6) {
			expect(this.api.post(engineer, status, "{\"status\":\"INWORK\"}"), 200);
		}
	}

	private String body(long k) {
		String text = (k % 5 == 0) ? "Router lost its settings" : "No internet since this morning";
		if (this.clients == 0) {
			return new IntakeMix(0).known(text);
		}
		long client = (k * 7919) % this.clients;
		return "{\"clientId\":" + (this.clientBase + client) + ",\"orderCode\":\"BGO-" + client
				+ "\",\"description\":" + Json.quote(text) + ",\"priority\":\"NORMAL\"}";
	}

	private static String expect(Api.Response response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException("open items: " + response.statusKey() + " " + response.body());
		}
		return response.body();
	}

}
