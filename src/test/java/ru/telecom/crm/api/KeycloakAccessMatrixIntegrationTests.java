package ru.telecom.crm.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;

import ru.telecom.crm.support.KeycloakIntegrationTest;
import ru.telecom.crm.support.KeycloakTokens;

/**
 * The access matrix with Keycloak: each user's bearer token, the ESB's service account.
 */
@KeycloakIntegrationTest
class KeycloakAccessMatrixIntegrationTests extends AccessMatrixScenario {

	private static final Map<String, String> tokens = new ConcurrentHashMap<>();

	@Override
	HttpHeaders as(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(tokens.computeIfAbsent(user,
				(name) -> "esb".equals(name) ? KeycloakTokens.ofChannels() : KeycloakTokens.of(name)));
		return headers;
	}

}
