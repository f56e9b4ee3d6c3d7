package ru.telecom.crm.directory.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import ru.telecom.crm.shared.KeycloakUnavailableException;

/**
 * The directory read from Keycloak's admin API with the app's service account: roles are
 * realm roles, the manager is the user attribute {@code managerId}. Users are cached for
 * a while; Keycloak stays the source. While Keycloak cannot be reached, a user read
 * before is answered as last read (for up to {@code crm.keycloak.outage-tolerance}), so
 * that signed-in users go on; what was never read is a
 * {@link KeycloakUnavailableException}.
 */
class KeycloakDirectory implements Directory {

	private static final Logger log = LoggerFactory.getLogger(KeycloakDirectory.class);

	private final KeycloakSettings settings;

	private final RestClient http;

	/** Every user read, with when: fresh for the cache time, kept through an outage. */
	private final Cache<String, Read<Optional<DirectoryUser>>> users;

	/**
	 * The last answer to each other question (a department, a group's members, the
	 * managers): asked of Keycloak every time, kept only for an outage.
	 */
	private final Cache<String, Read<?>> lastAnswers;

	private volatile String token;

	/**
	 * Whether answers come from what was last read, Keycloak out of reach: logged once.
	 */
	private final AtomicBoolean outage = new AtomicBoolean();

	private volatile Instant tokenExpires = Instant.EPOCH;

	KeycloakDirectory(KeycloakSettings settings, RestClient.Builder http) {
		this.settings = settings;
		this.http = http.requestFactory(settings.requestFactory()).build();
		this.users = Caffeine.newBuilder()
			.expireAfterWrite(max(settings.cacheTtl(), settings.outageTolerance()))
			.maximumSize(10_000)
			.build();
		this.lastAnswers = Caffeine.newBuilder()
			.expireAfterWrite(settings.outageTolerance())
			.maximumSize(1_000)
			.build();
	}

	@Override
	public Optional<DirectoryUser> findUser(String userId) {
		if (userId == null || userId.isBlank()) {
			return Optional.empty();
		}
		Read<Optional<DirectoryUser>> kept = this.users.getIfPresent(userId);
		if (kept != null && Instant.now().isBefore(kept.at().plus(this.settings.cacheTtl()))) {
			return kept.value();
		}
		try {
			JsonNode found = get("/users?exact=true&briefRepresentation=false&username={u}", userId);
			Optional<DirectoryUser> user = found.isEmpty() ? Optional.empty() : Optional.of(toUser(found.get(0)));
			this.users.put(userId, new Read<>(user, Instant.now()));
			keycloakAnswered();
			return user;
		}
		catch (KeycloakUnavailableException ex) {
			if (kept == null) {
				throw ex;
			}
			answeringFromKept(ex);
			log.debug("Keycloak cannot be reached: user {} answered as read at {}", userId, kept.at());
			return kept.value();
		}
	}

	@Override
	public List<DirectoryUser> department(String managerId) {
		return lastGood("department " + managerId, () -> readDepartment(managerId));
	}

	private List<DirectoryUser> readDepartment(String managerId) {
		List<DirectoryUser> department = new ArrayList<>();
		for (JsonNode user : get("/users?briefRepresentation=false&max=1000&q=managerId:{m}", managerId)) {
			department.add(toUser(user));
		}
		department.sort((a, b) -> a.id().compareTo(b.id()));
		return department;
	}

	@Override
	public Set<String> managerIds() {
		return lastGood("managers", this::readManagerIds);
	}

	private Set<String> readManagerIds() {
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
		return lastGood("members " + groupId, () -> readMembers(groupId));
	}

	private List<DirectoryUser> readMembers(String groupId) {
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
		try {
			return this.http.get()
				.uri(this.settings.adminApi() + path, variables)
				.header("Authorization", "Bearer " + token())
				.retrieve()
				.body(JsonNode.class);
		}
		catch (RuntimeException ex) {
			if (KeycloakUnavailableException.isOutage(ex)) {
				throw (ex instanceof KeycloakUnavailableException) ? ex : new KeycloakUnavailableException(ex);
			}
			throw ex;
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/** Keycloak's answer now, or while it cannot be reached the last one it gave. */
	@SuppressWarnings("unchecked")
	private <T> T lastGood(String question, Supplier<T> keycloak) {
		try {
			T answer = keycloak.get();
			this.lastAnswers.put(question, new Read<>(answer, Instant.now()));
			keycloakAnswered();
			return answer;
		}
		catch (KeycloakUnavailableException ex) {
			Read<?> kept = this.lastAnswers.getIfPresent(question);
			if (kept == null) {
				throw ex;
			}
			answeringFromKept(ex);
			log.debug("Keycloak cannot be reached: {} answered as read at {}", question, kept.at());
			return (T) kept.value();
		}
	}

	private void answeringFromKept(KeycloakUnavailableException ex) {
		if (this.outage.compareAndSet(false, true)) {
			log.warn("Keycloak cannot be reached ({}): users, departments and groups are answered as last read"
					+ " until it is back", String.valueOf(ex.getCause()));
		}
	}

	private void keycloakAnswered() {
		if (this.outage.compareAndSet(true, false)) {
			log.info("Keycloak answers again: the directory reads from it again");
		}
	}

	/** An answer read from Keycloak (a user, or that there is none), and when. */
	private record Read<T>(T value, Instant at) {
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
		KeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin(KeycloakSettings settings) {
			return new OutageTolerantKeycloakPlugin(settings.outageTolerance(), settings.timeout());
		}

	}

}
