package ru.telecom.crm.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A person's access token as the showcase's Grafana gets it when they sign in (and then
 * forwards to the data sources with "Forward OAuth identity"): the authorization code
 * flow with PKCE for the realm's {@code crm-grafana} client, through Keycloak's login
 * form, the code taken from the redirect to Grafana's callback (docker-compose.yml's
 * {@code GF_AUTH_GENERIC_OAUTH_*}), exchanged with the client's secret.
 */
public final class GrafanaSignIn {

	public static final String CLIENT_ID = "crm-grafana";

	/** Grafana's callback, as the realm allows it for {@code http://localhost:3000}. */
	public static final String CALLBACK = "http://localhost:3000/login/generic_oauth";

	private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

	private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

	private static final ObjectMapper JSON = new ObjectMapper();

	private GrafanaSignIn() {
	}

	/** The access token Grafana would hold for the user (demo password = user name). */
	public static String accessToken(String user) {
		try {
			return signIn(user).get("access_token").asText();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode signIn(String user) throws IOException, InterruptedException {
		// Keycloak's cookies carry the login from the form to the code; the redirect to
		// Grafana is not followed, since no Grafana runs here
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(new PlainHttpCookies(), CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String verifier = random();
		String endpoint = KeycloakServer.issuer() + "/protocol/openid-connect/";
		HttpResponse<String> login = browser.send(
				HttpRequest.newBuilder(URI.create(endpoint + "auth?"
						+ KeycloakTokens.form(Map.of("client_id", CLIENT_ID, "response_type", "code", "scope",
								"openid profile email", "redirect_uri", CALLBACK, "state", random(), "code_challenge",
								challenge(verifier), "code_challenge_method", "S256"))))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher action = LOGIN_FORM.matcher(login.body());
		if (!action.find()) {
			throw new IllegalStateException("No login form for " + CLIENT_ID + ": " + login.statusCode());
		}
		HttpResponse<String> back = browser
			.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString(KeycloakTokens.form(Map.of("username", user, "password", user, "credentialId", ""))))
				.build(), HttpResponse.BodyHandlers.ofString());
		String location = back.headers().firstValue("Location").orElse("");
		Matcher code = CODE.matcher(location);
		if (back.statusCode() != 302 || !location.startsWith(CALLBACK) || !code.find()) {
			throw new IllegalStateException(
					"Keycloak did not send " + user + " back to Grafana: " + back.statusCode() + " " + location);
		}
		HttpResponse<String> token = browser
			.send(HttpRequest.newBuilder(URI.create(endpoint + "token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(KeycloakTokens.form(Map.of("grant_type", "authorization_code",
						"code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", CALLBACK,
						"client_id", CLIENT_ID, "client_secret", KeycloakServer.GRAFANA_SECRET, "code_verifier",
						verifier))))
				.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode answer = JSON.readTree(token.body());
		if (!answer.has("access_token")) {
			throw new IllegalStateException("No token for " + user + ": " + token.body());
		}
		return answer;
	}

	private static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
