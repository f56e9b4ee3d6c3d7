package ru.telecom.crm.api;

import org.springframework.http.HttpHeaders;

import ru.telecom.crm.support.PostgresIntegrationTest;

/**
 * The access matrix in the embedded default: HTTP Basic against Camunda's identity store.
 */
@PostgresIntegrationTest
class AccessMatrixIntegrationTests extends AccessMatrixScenario {

	@Override
	HttpHeaders as(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		return headers;
	}

}
