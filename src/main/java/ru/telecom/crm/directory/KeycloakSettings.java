package ru.telecom.crm.directory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Keycloak is and how the app talks to it (the {@code keycloak} profile).
 *
 * @param url Keycloak's base URL
 * @param realm the realm of our users
 * @param clientId the app's confidential client: SSO, and a service account that may read
 * users and groups
 * @param clientSecret that client's secret, from the environment only
 * @param cacheTtl how long a user read from Keycloak is kept
 * @param audience the audience a token must carry to call our APIs
 * @param clockSkew how far a token's times may be off
 * @param outageTolerance how long what the app last read from Keycloak (signing keys,
 * users, groups) keeps answering while Keycloak cannot be reached
 * @param probeTimeout how long a sign-in waits to learn whether Keycloak answers before
 * the browser is sent there
 * @param timeout how long any other call of the app to Keycloak (the directory's, the
 * engine's identity plugin's) waits to connect and then for the answer, before Keycloak
 * is taken for down: a Keycloak that hangs holds no thread of ours for longer
 */
@ConfigurationProperties("crm.keycloak")
public record KeycloakSettings(@DefaultValue("http://localhost:8180") String url, @DefaultValue("crm") String realm,
		@DefaultValue("crm-app") String clientId, String clientSecret, @DefaultValue("5m") Duration cacheTtl,
		@DefaultValue("crm-api") String audience, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("24h") Duration outageTolerance, @DefaultValue("2s") Duration probeTimeout,
		@DefaultValue("5s") Duration timeout) {

	/**
	 * Requests to Keycloak for an HTTP client of ours, given up after {@link #timeout()}
	 * to connect and again to answer.
	 */
	public ClientHttpRequestFactory requestFactory() {
		return ClientHttpRequestFactoryBuilder.detect()
			.build(ClientHttpRequestFactorySettings.defaults().withTimeouts(this.timeout, this.timeout));
	}

	public String issuer() {
		return this.url + "/realms/" + this.realm;
	}

	/** Where Keycloak publishes the realm's signing keys. */
	public String jwkSetUri() {
		return issuer() + "/protocol/openid-connect/certs";
	}

	public String adminApi() {
		return this.url + "/admin/realms/" + this.realm;
	}

}
