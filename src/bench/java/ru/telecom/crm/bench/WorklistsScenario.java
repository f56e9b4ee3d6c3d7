package ru.telecom.crm.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lists people open all day, in turn: an agent's requests, an engineer's incidents, a
 * work group manager's incidents, the helpdesk manager's requests, a text search and a
 * phone search written another way.
 */
final class WorklistsScenario implements Scenario {

	private final Api api;

	private final BenchUsers users;

	/** One turn for all clients, so that any number of lists covers every kind alike. */
	private final AtomicLong turn = new AtomicLong();

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
				new Lookup("helpdesk manager's requests", BenchUsers.HELPDESK_MANAGER, "/api/service-requests"),
				new Lookup("text search", agent, "/api/service-requests?q=router"),
				new Lookup("phone search", agent, "/api/clients?q=" + encoded("8 900 777 88 99")));
		return (tally) -> {
			Lookup lookup = lookups.get((int) (this.turn.getAndIncrement() % lookups.size()));
			tally.step(lookup.name(), this.api.get(lookup.user(), lookup.path()), 200);
		};
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private record Lookup(String name, String user, String path) {
	}

}
