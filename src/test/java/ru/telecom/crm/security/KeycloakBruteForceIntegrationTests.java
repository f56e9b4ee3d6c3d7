package ru.telecom.crm.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import ru.telecom.crm.support.KeycloakIntegrationTest;
import ru.telecom.crm.support.KeycloakTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Keycloak, passwords are typed at Keycloak: its brute-force detection locks a user
 * out after five failures, for a while only, never for good.
 */
@KeycloakIntegrationTest
class KeycloakBruteForceIntegrationTests {

	@Test
	void theRealmLocksOutTemporarilyAfterFiveFailuresAndNeverForGood() {
		JsonNode realm = KeycloakTokens.adminGet("");

		assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
		assertThat(realm.get("permanentLockout").asBoolean()).isFalse();
		assertThat(realm.get("failureFactor").asInt()).isEqualTo(5);
		assertThat(realm.get("waitIncrementSeconds").asInt()).isEqualTo(60);
		assertThat(realm.get("maxFailureWaitSeconds").asInt()).isEqualTo(15 * 60);
		assertThat(realm.get("maxDeltaTimeSeconds").asInt()).isEqualTo(10 * 60);
	}

	@Test
	void fiveWrongPasswordsLockTheUserOutForAWhile() {
		String petr = KeycloakTokens.adminGet("/users?exact=true&username=petr").get(0).get("id").asText();
		try {
			for (int i = 0; i < 5; i++) {
				assertThat(KeycloakTokens.passwordGrant("petr", "guess-" + i).path("error").asText())
					.isEqualTo("invalid_grant");
			}

			JsonNode status = KeycloakTokens.adminGet("/attack-detection/brute-force/users/" + petr);

			assertThat(status.get("disabled").asBoolean()).isTrue();
			assertThat(KeycloakTokens.passwordGrant("petr", "petr").has("access_token")).isFalse();
		}
		finally {
			KeycloakTokens.adminDelete("/attack-detection/brute-force/users/" + petr);
		}
		assertThat(KeycloakTokens.passwordGrant("petr", "petr").has("access_token")).isTrue();
	}

}
