package ru.telecom.crm.bench;

import java.util.List;

/**
 * The whole lifecycle, each step as its user: the client's agent opens a request (lookup
 * case 1) and its incident for service 1001; olga, the manager of work group 100, assigns
 * it to the client's engineer, who starts it and closes it with a narrative. The request
 * closes with the incident, and the closing mails go out.
 */
final class LifecycleScenario implements Scenario {

	static final int SERVICE = 1001;

	private final Api api;

	private final BenchUsers users;

	private final IntakeMix mix;

	LifecycleScenario(Api api, BenchUsers users, IntakeMix mix) {
		this.api = api;
		this.users = users;
		this.mix = mix;
	}

	@Override
	public String name() {
		return "lifecycle";
	}

	@Override
	public String unit() {
		return "lifecycle";
	}

	@Override
	public List<Integer> defaultClients() {
		return List.of(1, 4);
	}

	@Override
	public Client client(int index) {
		String agent = this.users.agent(index);
		String engineer = this.users.engineer(index);
		return (tally) -> {
			long request = Json.number(tally
				.step("1 open request",
						this.api.post(agent, "/api/service-requests", this.mix.known("No internet at home")), 201)
				.body(), "id");
			long incident = Json.number(tally.step("2 open incident", this.api.post(agent,
					"/api/service-requests/" + request + "/incident", "{\"serviceCode\":" + SERVICE + "}"), 201)
				.body(), "id");
			String status = "/api/incidents/" + incident + "/status";
			tally.step("3 assign", this.api.post(BenchUsers.GROUP_MANAGER, status,
					"{\"status\":\"ASSIGNED\",\"assignee\":" + Json.quote(engineer) + "}"), 200);
			tally.step("4 start work", this.api.post(engineer, status, "{\"status\":\"INWORK\"}"), 200);
			tally.step("5 close", this.api.post(engineer, status,
					"{\"status\":\"CLOSED\",\"narrative\":\"Line card reset, the customer confirmed the service\"}"),
					200);
		};
	}

}
