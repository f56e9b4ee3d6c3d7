package ru.telecom.crm.security;

import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;

import ru.telecom.crm.shared.KeycloakUnavailableException;

/**
 * The engine REST API's answer when the Keycloak plugin cannot reach Keycloak and has
 * nothing kept to answer with (a user, a group or a password it never checked): 503 with
 * a problem document, as {@code /api} answers, instead of the engine's 500. Any other
 * failure of the plugin is answered as the engine answers it.
 */
final class IdentityOutageMapper implements ExceptionMapper<IdentityProviderException> {

	@Override
	public Response toResponse(IdentityProviderException ex) {
		if (!KeycloakUnavailableException.isOutage(ex)) {
			return ExceptionHandlerHelper.getInstance().getResponse(ex);
		}
		return Response.status(503)
			.type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.header("Retry-After", ProblemResponses.RETRY_AFTER_SECONDS)
			.entity(ProblemResponses.json(503, "unavailable", ProblemResponses.KEYCLOAK_UNAVAILABLE, Map.of()))
			.build();
	}

	/** Added to the engine REST API's Jersey application, with Keycloak only. */
	@Configuration(proxyBeanMethods = false)
	@Profile("keycloak")
	static class Registration {

		@Bean
		ResourceConfigCustomizer identityOutageMapper() {
			return (config) -> config.register(new IdentityOutageMapper());
		}

	}

}
