package ru.telecom.crm.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasklist and Cockpit visibility with the embedded default's identity store. */
@PostgresIntegrationTest
class TaskVisibilityIntegrationTests extends TaskVisibilityScenario {

	@Autowired
	AuthorizationSeeder seeder;

	@Autowired
	AuthorizationService authorizationService;

	@Test
	void seedingTheGrantsAgainDuplicatesNothing() {
		long before = this.authorizationService.createAuthorizationQuery().count();

		this.seeder.seed();
		this.seeder.seed();

		assertThat(this.authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
		assertThat(this.authorizationService.createAuthorizationQuery()
			.groupIdIn("wg-100")
			.resourceType(Resources.APPLICATION)
			.count()).isOne();
	}

}
