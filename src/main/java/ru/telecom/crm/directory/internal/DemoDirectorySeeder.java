package ru.telecom.crm.directory.internal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.telecom.crm.directory.internal.DemoDirectory.DemoGroup;
import ru.telecom.crm.directory.internal.DemoDirectory.DemoUser;

/**
 * Seeds the demo directory into Camunda's identity store at start. Idempotent: what
 * exists is brought in line, nothing is duplicated, a changed password is left alone.
 */
@Component
class DemoDirectorySeeder {

	private static final Logger log = LoggerFactory.getLogger(DemoDirectorySeeder.class);

	private final DemoDirectory demo;

	private final IdentityService identity;

	DemoDirectorySeeder(DemoDirectory demo, IdentityService identity) {
		this.demo = demo;
		this.identity = identity;
	}

	@EventListener(ApplicationStartedEvent.class)
	void seed() {
		if (!this.demo.seed()) {
			return;
		}
		this.demo.groups().forEach(this::seedGroup);
		this.demo.users().forEach(this::seedUser);
		log.info("Demo directory seeded: {} users, {} groups", this.demo.users().size(), this.demo.groups().size());
	}

	private void seedGroup(DemoGroup wanted) {
		Group group = this.identity.createGroupQuery().groupId(wanted.id()).singleResult();
		if (group == null) {
			group = this.identity.newGroup(wanted.id());
		}
		else if (wanted.name().equals(group.getName()) && wanted.type().equals(group.getType())) {
			return;
		}
		group.setName(wanted.name());
		group.setType(wanted.type());
		this.identity.saveGroup(group);
	}

	private void seedUser(DemoUser wanted) {
		User user = this.identity.createUserQuery().userId(wanted.id()).singleResult();
		if (user == null) {
			user = this.identity.newUser(wanted.id());
			user.setPassword(wanted.id());
		}
		user.setFirstName(wanted.firstName());
		user.setLastName(wanted.lastName());
		user.setEmail(wanted.email());
		this.identity.saveUser(user);
		if (wanted.managerId() != null) {
			this.identity.setUserInfo(wanted.id(), CamundaDirectory.MANAGER_ID, wanted.managerId());
		}
		for (String groupId : wanted.groups()) {
			boolean member = this.identity.createUserQuery().userId(wanted.id()).memberOfGroup(groupId).count() > 0;
			if (!member) {
				this.identity.createMembership(wanted.id(), groupId);
			}
		}
	}

}
