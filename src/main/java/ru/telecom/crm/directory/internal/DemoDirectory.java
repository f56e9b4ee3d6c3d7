package ru.telecom.crm.directory.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo users, groups and roles of DESIGN §11, seeded into Camunda's identity store
 * for the embedded default. The password of a demo user is the user name.
 *
 * @param seed whether to seed them (off wherever Keycloak is the directory)
 */
@ConfigurationProperties("crm.directory.demo")
record DemoDirectory(@DefaultValue("false") boolean seed, List<DemoGroup> groups, List<DemoUser> users) {

	DemoDirectory {
		groups = (groups != null) ? groups : List.of();
		users = (users != null) ? users : List.of();
	}

	/** A group; {@code type} is {@code ROLE} for a role, else a queue or system group. */
	record DemoGroup(String id, String name, @DefaultValue("WORKFLOW") String type) {
	}

	record DemoUser(String id, String firstName, String lastName, String email, String managerId, List<String> groups) {

		DemoUser {
			groups = (groups != null) ? groups : List.of();
		}

	}

}
