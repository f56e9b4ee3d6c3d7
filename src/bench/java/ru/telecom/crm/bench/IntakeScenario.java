package ru.telecom.crm.bench;

import java.util.List;

/** An agent on the phone opens a request: the four lookup cases in turn. */
final class IntakeScenario implements Scenario {

	private final Api api;

	private final BenchUsers users;

	private final IntakeMix mix;

	IntakeScenario(Api api, BenchUsers users, IntakeMix mix) {
		this.api = api;
		this.users = users;
		this.mix = mix;
	}

	@Override
	public String name() {
		return "intake";
	}

	@Override
	public String unit() {
		return "request";
	}

	@Override
	public List<Integer> defaultClients() {
		return List.of(1, 4, 16);
	}

	@Override
	public Client client(int index) {
		String agent = this.users.agent(index);
		return (tally) -> tally.step("open request", this.api.post(agent, "/api/service-requests", this.mix.next()),
				201);
	}

}
