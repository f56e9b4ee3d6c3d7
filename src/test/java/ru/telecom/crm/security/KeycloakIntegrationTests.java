package ru.telecom.crm.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.directory.Role;
import ru.telecom.crm.support.KeycloakIntegrationTest;
import ru.telecom.crm.support.KeycloakTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** The app with a real Keycloak: the realm, the directory, the plugin, bearer tokens. */
@KeycloakIntegrationTest
class KeycloakIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Directory directory;

	@Autowired
	IdentityService identity;

	@Test
	void theManagerIdSurvivesTheRealmImport() {
		JsonNode anna = KeycloakTokens.adminGet("/users?exact=true&briefRepresentation=false&username=anna").get(0);

		assertThat(anna.at("/attributes/managerId/0").asText()).isEqualTo("maria");
		assertThat(anna.get("email").asText()).isEqualTo("anna@telecom.example");
	}

	@Test
	void theDirectoryReadsRolesGroupsAndManagersFromKeycloak() {
		DirectoryUser anna = this.directory.findUser("anna").orElseThrow();

		assertThat(anna.roles()).containsExactly(Role.HELP_DESK_USER);
		assertThat(anna.groups()).containsExactly(Directory.HELPDESK_GROUP);
		assertThat(anna.managerId()).isEqualTo("maria");
		assertThat(this.directory.findUser("olga").orElseThrow().roles()).containsExactly(Role.SL3_MANAGER);
		assertThat(this.directory.department("maria")).extracting(DirectoryUser::id).containsExactly("anna", "boris");
		assertThat(this.directory.membersOf("wg-100")).extracting(DirectoryUser::id)
			.containsExactly("ivan", "olga", "petr");
		assertThat(this.directory.findUser("nobody")).isEmpty();
	}

	@Test
	void theEngineSeesKeycloaksUsersAndGroupsThroughThePlugin() {
		assertThat(this.identity.createUserQuery().userId("ivan").singleResult().getEmail())
			.isEqualTo("ivan@telecom.example");
		assertThat(this.identity.createGroupQuery().groupMember("ivan").list()).extracting(Group::getId)
			.containsExactly("wg-100");
		assertThat(this.identity.createUserQuery().memberOfGroup("helpdesk").list()).hasSize(3);
		assertThat(this.identity.checkPassword("petr", "petr")).isTrue();
		assertThat(this.identity.checkPassword("petr", "ivan")).isFalse();
	}

	@Test
	void aUsersTokenOpensTheApiWithinTheirRole() {
		assertThat(get("/api/services", KeycloakTokens.of("anna")).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(importCatalog(KeycloakTokens.of("anna")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(importCatalog(KeycloakTokens.of("admin")).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get("/engine-rest/user?id=elena", KeycloakTokens.of("elena")).getBody().get(0).get("id").asText())
			.isEqualTo("elena");
	}

	@Test
	void theChannelClientsTokenIsAChannelIntegration() {
		ResponseEntity<JsonNode> services = get("/api/services", KeycloakTokens.ofChannels());

		assertThat(services.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void noTokenAWrongAudienceOrAForgedTokenIsUnauthorized() {
		String forged = KeycloakTokens.of("anna");
		String[] parts = forged.split("\\.");
		forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];

		assertThat(get("/api/services", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(get("/api/services", KeycloakTokens.withoutOurAudience("anna")).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(get("/api/services", forged).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(get("/engine-rest/task", KeycloakTokens.withoutOurAudience("ivan")).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anExpiredTokenIsUnauthorized() throws InterruptedException {
		String clientId = "expiring-" + UUID.randomUUID();
		String secret = UUID.randomUUID().toString();
		KeycloakTokens.adminPost("/clients",
				Map.of("clientId", clientId, "secret", secret, "publicClient", false, "serviceAccountsEnabled", true,
						"standardFlowEnabled", false, "attributes", Map.of("access.token.lifespan", "3"),
						"protocolMappers",
						List.of(Map.of("name", "audience", "protocol", "openid-connect", "protocolMapper",
								"oidc-audience-mapper", "config",
								Map.of("included.custom.audience", "crm-api", "access.token.claim", "true")))));
		// exp is whole seconds after iat (itself rounded down): 3 s leaves at least 2 s
		String token = KeycloakTokens.ofClient(clientId, secret);
		assertThat(get("/api/services", token).getStatusCode()).isEqualTo(HttpStatus.OK);

		Thread.sleep(4_500);

		assertThat(get("/api/services", token).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private ResponseEntity<JsonNode> importCatalog(String token) {
		HttpHeaders headers = bearer(token);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange("/api/admin/catalog/import", HttpMethod.POST, new HttpEntity<>(
				"""
						{"workGroups":[{"code":100,"name":"Network operations","email":"noc@example.com","managerId":"olga"}]}""",
				headers), JsonNode.class);
	}

	private ResponseEntity<JsonNode> get(String path, String token) {
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), JsonNode.class);
	}

	private static HttpHeaders bearer(String token) {
		HttpHeaders headers = new HttpHeaders();
		if (token != null) {
			headers.setBearerAuth(token);
		}
		return headers;
	}

}
