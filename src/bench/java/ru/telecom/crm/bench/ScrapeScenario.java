package ru.telecom.crm.bench;

import java.util.List;

/**
 * Prometheus scraping the app ({@code GET /actuator/prometheus} as the scrape user, issue
 * 14): the open items read from the database, one series per open item up to the cap
 * (5,000 by default), so with the large data set ({@code --open=5000} or more) every
 * scrape is a scrape at the cap. One client, as one Prometheus per node; the target is
 * under 500 ms.
 */
final class ScrapeScenario implements Scenario {

	/** The scrape user the run script starts the app with (its password is its name). */
	static final String SCRAPE_USER = "bench-metrics";

	private final Api api;

	ScrapeScenario(Api api) {
		this.api = api;
	}

	@Override
	public String name() {
		return "scrape";
	}

	@Override
	public String unit() {
		return "scrape";
	}

	@Override
	public List<Integer> defaultClients() {
		return List.of(1);
	}

	@Override
	public Client client(int index) {
		return (tally) -> tally.step("scrape", this.api.get(SCRAPE_USER, "/actuator/prometheus"), 200);
	}

}
