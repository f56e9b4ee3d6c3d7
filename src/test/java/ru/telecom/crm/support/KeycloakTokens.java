package ru.telecom.crm.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Tokens from the test Keycloak, as users and clients get them. */
public final class KeycloakTokens {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final ObjectMapper JSON = new ObjectMapper();

	private KeycloakTokens() {
	}

	/** A user's access token from the app's client (password grant: demo passwords). */
	public static String of(String user) {
		return token(KeycloakServer.issuer(), Map.of("grant_type", "password", "client_id", KeycloakServer.CLIENT_ID,
				"client_secret", KeycloakServer.CLIENT_SECRET, "username", user, "password", user, "scope", "openid"));
	}

	/**
	 * A user's token from Keycloak's own admin-cli client: valid, but not for our APIs.
	 */
	public static String withoutOurAudience(String user) {
		return token(KeycloakServer.issuer(),
				Map.of("grant_type", "password", "client_id", "admin-cli", "username", user, "password", user));
	}

	/** The ESB's token: the channel client's service account. */
	public static String ofChannels() {
		return token(KeycloakServer.issuer(), Map.of("grant_type", "client_credentials", "client_id", "crm-channels",
				"client_secret", KeycloakServer.CHANNELS_SECRET));
	}

	/** Keycloak's own administrator, for reading the realm back. */
	public static String ofKeycloakAdmin() {
		return token(KeycloakServer.url() + "/realms/master", Map.of("grant_type", "password", "client_id", "admin-cli",
				"username", "admin", "password", KeycloakServer.ADMIN_PASSWORD));
	}

	public static JsonNode adminGet(String path) {
		return send(HttpRequest
			.newBuilder(URI.create(KeycloakServer.url() + "/admin/realms/" + KeycloakServer.REALM + path))
			.header("Authorization", "Bearer " + ofKeycloakAdmin())
			.build());
	}

	public static JsonNode adminPost(String path, Object body) {
		try {
			return send(HttpRequest
				.newBuilder(URI.create(KeycloakServer.url() + "/admin/realms/" + KeycloakServer.REALM + path))
				.header("Authorization", "Bearer " + ofKeycloakAdmin())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static void adminDelete(String path) {
		send(HttpRequest.newBuilder(URI.create(KeycloakServer.url() + "/admin/realms/" + KeycloakServer.REALM + path))
			.header("Authorization", "Bearer " + ofKeycloakAdmin())
			.DELETE()
			.build());
	}

	/**
	 * What the token endpoint answers to a user's password grant, token or error
	 * ({@code invalid_grant} for a wrong password or a locked-out user).
	 */
	public static JsonNode passwordGrant(String user, String password) {
		return send(HttpRequest.newBuilder(URI.create(KeycloakServer.issuer() + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form(Map.of("grant_type", "password", "client_id", KeycloakServer.CLIENT_ID, "client_secret",
						KeycloakServer.CLIENT_SECRET, "username", user, "password", password))))
			.build());
	}

	/** A token from any client of the realm, by client credentials. */
	public static String ofClient(String clientId, String secret) {
		return token(KeycloakServer.issuer(),
				Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
	}

	private static String token(String issuer, Map<String, String> form) {
		JsonNode response = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)))
			.build());
		if (!response.has("access_token")) {
			throw new IllegalStateException("No token: " + response);
		}
		return response.get("access_token").asText();
	}

	/** The fields as an {@code application/x-www-form-urlencoded} body or query. */
	static String form(Map<String, String> fields) {
		return new LinkedHashMap<>(fields).entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static JsonNode send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
