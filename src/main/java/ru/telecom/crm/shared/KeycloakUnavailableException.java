package ru.telecom.crm.shared;

import java.io.IOException;
import java.net.http.HttpTimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;

import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Keycloak, which signs users in and knows their roles and groups, could not be reached,
 * and nothing the app keeps from it could answer instead. Nothing was written; the caller
 * may try again once Keycloak is back.
 */
public class KeycloakUnavailableException extends DomainException {

	public KeycloakUnavailableException(Throwable cause) {
		super(Kind.UNAVAILABLE,
				"Keycloak, which signs users in, cannot be reached right now; nothing was changed, try again shortly",
				cause);
	}

	/**
	 * Whether {@code failure} says that Keycloak could not be reached or did not answer
	 * (no connection, a timeout, a gateway's 5xx) rather than that it refused: an outage,
	 * not a wrong password or an unknown user.
	 */
	public static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof KeycloakUnavailableException || cause instanceof ResourceAccessException
					|| cause instanceof HttpServerErrorException || cause instanceof HttpTimeoutException
					|| (cause instanceof IOException && !(cause instanceof JsonProcessingException))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * Whether the engine's identity provider (the Keycloak plugin) failed because
	 * Keycloak could not be reached.
	 */
	public static boolean isIdentityProviderOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IdentityProviderException) {
				return isOutage(cause);
			}
		}
		return false;
	}

}
