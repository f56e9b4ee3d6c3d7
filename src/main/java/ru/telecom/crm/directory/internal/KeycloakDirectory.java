package ru.telecom.crm.directory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.directory.KeycloakSettings;
import ru.telecom.crm.directory.Role;

/**
 * The directory read from Keycloak's admin API with the app's service account: roles are
 * realm roles, the manager is the user attribute {@code managerId}. Users are cached for
 * a while; Keycloak stays the source.
 */
class KeycloakDirectory implements Directory {

	private final KeycloakSettings settings;

	private final RestClient http;

	private final Cache<String, Optional<DirectoryUser>> users;

	private volatile String token;

	private volatile Instant tokenExpires = Instant.EPOCH;

	KeycloakDirectory(KeycloakSettings settings, RestClient.Builder http) {
		this.settings = settings;
		this.http = http.build();
		this.users = Caffeine.newBuilder().expireAfterWrite(settings.cacheTtl()).maximumSize(10_000).build();
	}

	@Override
	public Optional<DirectoryUser> findUser(String userId) {
		if (userId == null || userId.isBlank()) {
			return Optional.empty();
		}
		return this.users.get(userId, (id) -> {
			JsonNode found = get("/users?exact=true&briefRepresentation=false&username={u}", id);
			return found.isEmpty() ? Optional.empty() : Optional.of(toUser(found.get(0)));
		});
	}

	@Override
	public List<DirectoryUser> department(String managerId) {
		List<DirectoryUser> department = new ArrayList<>();
		for (JsonNode user : get("/users?briefRepresentation=false&max=1000&q=managerId:{m}", managerId)) {
			department.add(toUser(user));
		}
		department.sort((a, b) -> a.id().compareTo(b.id()));
		return department;
	}

	@Override
	public Set<String> managerIds() {
		Set<String> managers = new TreeSet<>();
		for (JsonNode user : get("/users?briefRepresentation=false&max=10000")) {
			JsonNode manager = user.path("attributes").path("managerId");
			if (manager.isArray() && !manager.isEmpty()) {
				managers.add(manager.get(0).asText());
			}
		}
		return managers;
	}

	@Override
	public List<DirectoryUser> membersOf(String groupId) {
		JsonNode groups = get("/groups?exact=true&search={g}", groupId);
		List<DirectoryUser> members = new ArrayList<>();
		for (JsonNode group : groups) {
			if (groupId.equals(group.path("name").asText())) {
				for (JsonNode user : get("/groups/{id}/members?max=1000&briefRepresentation=false",
						group.get("id").asText())) {
					members.add(toUser(user));
				}
			}
		}
		members.sort((a, b) -> a.id().compareTo(b.id()));
		return members;
	}

	private DirectoryUser toUser(JsonNode user) {
		String id = user.get("id").asText();
		Set<Role> roles = new HashSet<>();
		for (JsonNode role : get("/users/{id}/role-mappings/realm/composite", id)) {
			Role.byName(role.path("name").asText()).ifPresent(roles::add);
		}
		Set<String> groups = new HashSet<>();
		for (JsonNode group : get("/users/{id}/groups", id)) {
			groups.add(group.path("name").asText());
		}
		JsonNode manager = user.path("attributes").path("managerId");
		return new DirectoryUser(user.path("username").asText(), text(user, "firstName"), text(user, "lastName"),
				text(user, "email"), manager.isArray() && !manager.isEmpty() ? manager.get(0).asText() : null, roles,
				groups);
	}

	private JsonNode get(String path, Object... variables) {
		return this.http.get()
			.uri(this.settings.adminApi() + path, variables)
			.header("Authorization", "Bearer " + token())
			.retrieve()
			.body(JsonNode.class);
	}

	/** The service account's token, fetched again shortly before it expires. */
	private String token() {
		if (Instant.now().isAfter(this.tokenExpires)) {
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("grant_type", "client_credentials");
			form.add("client_id", this.settings.clientId());
			form.add("client_secret", this.settings.clientSecret());
			JsonNode response = this.http.post()
				.uri(this.settings.issuer() + "/protocol/openid-connect/token")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(JsonNode.class);
			this.token = response.get("access_token").asText();
			this.tokenExpires = Instant.now().plusSeconds(Math.max(10, response.get("expires_in").asLong() - 30));
		}
		return this.token;
	}

	private static String text(JsonNode node, String field) {
		return node.hasNonNull(field) ? node.get(field).asText() : null;
	}

	/**
	 * With Keycloak: its directory, and the engine's users and groups from the plugin.
	 */
	@Configuration(proxyBeanMethods = false)
	@Profile("keycloak")
	static class KeycloakConfiguration {

		@Bean
		Directory keycloakDirectory(KeycloakSettings settings, RestClient.Builder http) {
			return new KeycloakDirectory(settings, http);
		}

		@Bean
		@ConfigurationProperties("plugin.identity.keycloak")
		KeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin() {
			return new KeycloakIdentityProviderPlugin();
		}

	}

}
