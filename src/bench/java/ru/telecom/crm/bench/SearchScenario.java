package ru.telecom.crm.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search across everything (issue 13, item 6), {@code GET /api/search?q=}, as people
 * type into the console's header, in turn for all clients: an agent's own request by its
 * number, a client's phone written another way ({@code 8 (903) …}, the large data set's
 * clients), a client's last name, an order code ({@code BGO-n}), a word of descriptions
 * ({@code router}, two texts in twelve) as an agent and as the group manager, a word of
 * the narratives as an engineer, a LegacyDB customer's phone ({@code 8 (901) …}), and a
 * word found nowhere. On an empty database the same queries run and find less.
 */
final class SearchScenario implements Scenario {

	private static final Pattern FIRST_ID = Pattern.compile("\"items\":\\[\\{\"id\":(\\d+)");

	private final Api api;

	private final BenchUsers users;

	private final AtomicLong turn = new AtomicLong();

	SearchScenario(Api api, BenchUsers users) {
		this.api = api;
		this.users = users;
	}

	@Override
	public String name() {
		return "search";
	}

	@Override
	public String unit() {
		return "search";
	}

	@Override
	public List<Integer> defaultClients() {
		return List.of(4);
	}

	@Override
	public Client client(int index) {
		String agent = this.users.agent(index);
		String engineer = this.users.engineer(index);
		String[] ownRequest = { null };
		return (tally) -> {
			long n = this.turn.getAndIncrement();
			long client = (n * 7919) % 100_000;
			switch ((int) (n % 9)) {
				case 0 -> {
					if (ownRequest[0] == null) {
						Matcher id = FIRST_ID.matcher(this.api.get(agent, "/api/service-requests?size=1").body());
						ownRequest[0] = id.find() ? id.group(1) : "1";
					}
					search(tally, "request number", agent, ownRequest[0]);
				}
				case 1 -> search(tally, "phone another way", agent, "8 (903) %03d-%02d-%02d".formatted(client / 10000,
						(client / 100) % 100, client % 100));
				case 2 -> search(tally, "client name", agent, ClosedItemsNames.lastName(n));
				case 3 -> search(tally, "order code", agent, "BGO-" + client);
				case 4 -> search(tally, "text (agent)", agent, "router");
				case 5 -> search(tally, "text (group manager)", BenchUsers.GROUP_MANAGER, "router");
				case 6 -> search(tally, "narrative (engineer)", engineer, "line card");
				case 7 -> {
					long g = client % 50_000 + 1;
					search(tally, "legacy phone", agent,
							"+7 901 %03d %02d %02d".formatted(g / 10000, (g / 100) % 100, g % 100));
				}
				default -> search(tally, "nothing found", agent, "qqzx" + (n % 97));
			}
		};
	}

	private void search(Tally tally, String step, String user, String q) throws Tally.StepFailed {
		tally.step(step, this.api.get(user, "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)), 200);
	}

	/** The last names the large data set gives its clients. */
	private static final class ClosedItemsNames {

		private static final String[] LAST_NAMES = { "Ivanov", "Smirnov", "Kuznetsov", "Popova", "Vasiliev",
				"Petrova", "Sokolov", "Mikhailova" };

		static String lastName(long n) {
			return LAST_NAMES[(int) (n % LAST_NAMES.length)];
		}

	}

}
