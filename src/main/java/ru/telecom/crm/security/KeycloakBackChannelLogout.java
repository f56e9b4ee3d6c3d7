package ru.telecom.crm.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import ru.telecom.crm.directory.KeycloakSettings;

/**
 * Ends the user's Keycloak session from the server, with the refresh token the app holds:
 * Camunda's logout button is an XHR that cannot follow a redirect to Keycloak, and
 * without this the next page would sign the user in again silently.
 */
class KeycloakBackChannelLogout implements LogoutHandler {

	private static final Logger log = LoggerFactory.getLogger(KeycloakBackChannelLogout.class);

	private final KeycloakSettings keycloak;

	/** The user's tokens, kept in their session (which any node reads). */
	private final OAuth2AuthorizedClientRepository clients;

	private final RestClient http;

	KeycloakBackChannelLogout(KeycloakSettings keycloak, OAuth2AuthorizedClientRepository clients) {
		this.keycloak = keycloak;
		this.clients = clients;
		// a Keycloak that hangs does not hold the sign-out
		this.http = RestClient.builder().requestFactory(keycloak.requestFactory()).build();
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (!(authentication instanceof OAuth2AuthenticationToken token)) {
			return;
		}
		OAuth2AuthorizedClient client = this.clients.loadAuthorizedClient(token.getAuthorizedClientRegistrationId(),
				token, request);
		if (client == null || client.getRefreshToken() == null) {
			return;
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client_id", this.keycloak.clientId());
		form.add("client_secret", this.keycloak.clientSecret());
		form.add("refresh_token", client.getRefreshToken().getTokenValue());
		try {
			this.http.post()
				.uri(this.keycloak.issuer() + "/protocol/openid-connect/logout")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientException ex) {
			log.warn("Could not end the Keycloak session of {}", token.getName(), ex);
		}
		this.clients.removeAuthorizedClient(token.getAuthorizedClientRegistrationId(), token, request, response);
	}

}
