package ru.telecom.crm.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates the bench users as an administrator would: through the engine REST API as
 * {@code admin} (user, role group, queue group). The manager id is a user info, which the
 * engine REST API has no door for: it goes straight into ACT_ID_INFO, as the engine's
 * {@code IdentityService.setUserInfo} would write it.
 */
final class BenchDirectory {

	private static final String ADMIN = "admin";

	private BenchDirectory() {
	}

	static void create(Api api, Psql psql, String database, BenchUsers users) {
		List<String> infos = new ArrayList<>();
		for (int i = 0; i < users.agents(); i++) {
			String id = users.agent(i);
			user(api, id, "Agent", "Bench %02d".formatted(i + 1), "HelpDeskUser", "helpdesk");
			infos.add(info(id, BenchUsers.HELPDESK_MANAGER));
		}
		for (int i = 0; i < users.engineers(); i++) {
			String id = users.engineer(i);
			user(api, id, "Engineer", "Bench %02d".formatted(i + 1), "SL3User", "wg-100");
			infos.add(info(id, BenchUsers.GROUP_MANAGER));
		}
		psql.query(database, "insert into act_id_info (id_, rev_, user_id_, type_, key_, value_) values "
				+ String.join(", ", infos));
	}

	private static void user(Api api, String id, String firstName, String lastName, String... groups) {
		String body = "{\"profile\":{\"id\":" + Json.quote(id) + ",\"firstName\":" + Json.quote(firstName)
				+ ",\"lastName\":" + Json.quote(lastName) + ",\"email\":" + Json.quote(id + "@bench.example")
				+ "},\"credentials\":{\"password\":" + Json.quote(id) + "}}";
		expect(api.post(ADMIN, "/engine-rest/user/create", body), "create user " + id);
		for (String group : groups) {
			expect(api.put(ADMIN, "/engine-rest/group/" + group + "/members/" + id), "add " + id + " to " + group);
		}
	}

	private static String info(String user, String managerId) {
		return "('bench-manager-" + user + "', 1, '" + user + "', 'userinfo', 'managerId', '" + managerId + "')";
	}

	private static void expect(Api.Response response, String what) {
		if (response.status() != 204) {
			throw new IllegalStateException(what + ": " + response.statusKey() + " " + response.body());
		}
	}

}
