package ru.telecom.crm.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lists people open all day, in turn: an agent's requests, an engineer's incidents, a
 * work group manager's incidents and requests, the helpdesk manager's requests and
 * incidents, a text search, a phone search written another way, and Tasklist's own page
 * of an engineer's group queue (the filter "Queue: … (100)" as Tasklist asks for it: its
 * first 15 tasks, oldest first, in HAL with the filter's list columns).
 */
final class WorklistsScenario implements Scenario {

	private final Api api;

	private final BenchUsers users;

	/** One turn for all clients, so that any number of lists covers every kind alike. */
	private final AtomicLong turn = new AtomicLong();

	/** Tasklist's body for a filter's first page (pageSize 15, the list's sorting). */
	static final String TASKLIST_PAGE = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
			+ "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"asc\"}],\"active\":true}";

	private volatile String queueFilter;

	WorklistsScenario(Api api, BenchUsers users) {
		this.api = api;
		this.users = users;
	}

	@Override
	public String name() {
		return "worklists";
	}

	@Override
	public String unit() {
		return "list";
	}

	@Override
	public List<Integer> defaultClients() {
		return List.of(4);
	}

	@Override
	public Client client(int index) {
		String agent = this.users.agent(index);
		String engineer = this.users.engineer(index);
		List<Lookup> lookups = List.of(new Lookup("agent's requests", agent, "/api/service-requests"),
				new Lookup("engineer's incidents", engineer, "/api/incidents"),
				new Lookup("group manager's incidents", BenchUsers.GROUP_MANAGER, "/api/incidents"),
				new Lookup("group manager's requests", BenchUsers.GROUP_MANAGER, "/api/service-requests"),
				new Lookup("helpdesk manager's requests", BenchUsers.HELPDESK_MANAGER, "/api/service-requests"),
				new Lookup("helpdesk manager's incidents", BenchUsers.HELPDESK_MANAGER, "/api/incidents"),
				new Lookup("text search", agent, "/api/service-requests?q=router"),
				new Lookup("phone search", agent, "/api/clients?q=" + encoded("8 900 777 88 99")),
				new Lookup("tasklist group queue", engineer, null));
		return (tally) -> {
			Lookup lookup = lookups.get((int) (this.turn.getAndIncrement() % lookups.size()));
			if (lookup.path() == null) {
				tally.step(lookup.name(), this.api.postHal(lookup.user(),
						"/engine-rest/filter/" + queueFilter(lookup.user()) + "/list?firstResult=0&maxResults=15",
						TASKLIST_PAGE), 200);
			}
			else {
				tally.step(lookup.name(), this.api.get(lookup.user(), lookup.path()), 200);
			}
		};
	}

	/** The id of work group 100's queue filter, as the engineer's Tasklist finds it. */
	private String queueFilter(String engineer) {
		if (this.queueFilter == null) {
			String body = this.api.get(engineer, "/engine-rest/filter?resourceType=Task&nameLike=" + encoded("%(100)"))
				.body();
			int at = body.indexOf("\"id\":\"");
			if (at < 0) {
				throw new IllegalStateException("no filter of queue 100 for " + engineer + ": " + body);
			}
			this.queueFilter = body.substring(at + 6, body.indexOf('"', at + 6));
		}
		return this.queueFilter;
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private record Lookup(String name, String user, String path) {
	}

}
