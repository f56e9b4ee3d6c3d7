package ru.telecom.crm.security;

import org.springframework.http.HttpHeaders;

import ru.telecom.crm.support.PostgresIntegrationTest;

/** The engine's doors attacked through the engine REST API, with HTTP Basic. */
@PostgresIntegrationTest
class EngineRestDoorIntegrationTests extends EngineDoorScenario {

	@Override
	HttpHeaders as(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		return headers;
	}

	@Override
	String engine() {
		return "/engine-rest";
	}

}
