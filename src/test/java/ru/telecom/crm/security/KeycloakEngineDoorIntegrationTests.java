package ru.telecom.crm.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;

import ru.telecom.crm.support.KeycloakIntegrationTest;
import ru.telecom.crm.support.KeycloakTokens;

/**
 * The engine's doors attacked through the engine REST API with Keycloak bearer tokens.
 */
@KeycloakIntegrationTest
class KeycloakEngineDoorIntegrationTests extends EngineDoorScenario {

	private static final Map<String, String> tokens = new ConcurrentHashMap<>();

	@Override
	HttpHeaders as(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(tokens.computeIfAbsent(user, KeycloakTokens::of));
		return headers;
	}

	@Override
	String engine() {
		return "/engine-rest";
	}

}
