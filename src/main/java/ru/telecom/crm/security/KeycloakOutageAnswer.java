package ru.telecom.crm.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;

import ru.telecom.crm.shared.KeycloakUnavailableException;

/**
 * Around the bearer token check: a token that cannot be checked because Keycloak cannot
 * be reached (its key was never read) is answered 503 with a problem document, not 401
 * (the token may well be good) and not 500 (nothing is wrong here).
 */
final class KeycloakOutageAnswer extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (AuthenticationServiceException ex) {
			if (!KeycloakUnavailableException.isOutage(ex) || response.isCommitted()) {
				throw ex;
			}
			this.logger.warn("Keycloak cannot be reached to check a token: " + ex.getMessage());
			ProblemResponses.keycloakUnavailable(response);
		}
	}

}
