package ru.telecom.crm.directory.internal;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.directory.Role;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo directory of DESIGN §11 in Camunda's identity store, read back. */
@PostgresIntegrationTest
class DemoDirectoryIntegrationTests {

	@Autowired
	Directory directory;

	@Autowired
	DemoDirectorySeeder seeder;

	@Autowired
	IdentityService identity;

	@Test
	void anAgentHasHerRoleQueueManagerAndEmail() {
		DirectoryUser anna = this.directory.findUser("anna").orElseThrow();

		assertThat(anna.roles()).containsExactly(Role.HELP_DESK_USER);
		assertThat(anna.groups()).containsExactly(Directory.HELPDESK_GROUP);
		assertThat(anna.managerId()).isEqualTo("maria");
		assertThat(anna.email()).isEqualTo("anna@telecom.example");
	}

	@Test
	void everyDemoUserHasTheRoleAndGroupOfTheDesign() {
		assertThat(this.directory.findUser("ivan").orElseThrow().roles()).containsExactly(Role.SL3_USER);
		assertThat(this.directory.findUser("olga").orElseThrow().groups()).containsExactly("wg-100");
		assertThat(this.directory.findUser("sergey").orElseThrow().managerId()).isEqualTo("elena");
		assertThat(this.directory.findUser("elena").orElseThrow().roles()).containsExactly(Role.SL3_MANAGER);
		assertThat(this.directory.findUser("maria").orElseThrow().roles()).containsExactly(Role.HELP_DESK_MANAGER);
		assertThat(this.directory.findUser("admin").orElseThrow().groups()).containsExactly(Directory.ADMIN_GROUP);
		assertThat(this.directory.findUser("esb").orElseThrow().roles()).containsExactly(Role.CHANNEL_INTEGRATION);
	}

	@Test
	void aManagersDepartmentIsWhoeverNamesHerAsManager() {
		assertThat(this.directory.department("maria")).extracting(DirectoryUser::id).containsExactly("anna", "boris");
		assertThat(this.directory.department("olga")).extracting(DirectoryUser::id).containsExactly("ivan", "petr");
		assertThat(this.directory.department("anna")).isEmpty();
	}

	@Test
	void aWorkGroupsMembersAreItsEngineersAndManager() {
		assertThat(this.directory.membersOf("wg-100")).extracting(DirectoryUser::id)
			.containsExactly("ivan", "olga", "petr");
	}

	@Test
	void seedingAgainDuplicatesNothingAndKeepsAChangedPassword() {
		var boris = this.identity.createUserQuery().userId("boris").singleResult();
		boris.setPassword("changed-by-boris");
		this.identity.saveUser(boris);
		long users = this.identity.createUserQuery().count();
		long memberships = this.identity.createGroupQuery().groupMember("boris").count();

		this.seeder.seed();

		assertThat(this.identity.createUserQuery().count()).isEqualTo(users);
		assertThat(this.identity.createGroupQuery().groupMember("boris").count()).isEqualTo(memberships);
		assertThat(this.identity.checkPassword("boris", "changed-by-boris")).isTrue();
		var restored = this.identity.createUserQuery().userId("boris").singleResult();
		restored.setPassword("boris");
		this.identity.saveUser(restored);
	}

	@Test
	void anUnknownUserIsNotFound() {
		assertThat(this.directory.findUser("nobody")).isEmpty();
		assertThat(this.directory.findUser(" ")).isEmpty();
	}

}
