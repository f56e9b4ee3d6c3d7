package ru.telecom.crm.directory.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectorySettings;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.directory.Role;
import ru.telecom.crm.shared.EngineCalls;

/**
 * The directory read from Camunda's identity store: roles are groups of type
 * {@value #ROLE_GROUP_TYPE}, the manager id is the user info {@value #MANAGER_ID}. What
 * it read is kept for {@code crm.directory.cache-ttl} (a few seconds): a request asks
 * about the same people several times, and the store stays the source.
 */
@Component
@Profile("!keycloak")
class CamundaDirectory implements Directory {

	static final String ROLE_GROUP_TYPE = "ROLE";

	static final String MANAGER_ID = "managerId";

	private final IdentityService identity;

	private final ProcessEngine engine;

	/** Users found, briefly: one request asks who the same people are several times. */
	private final Cache<String, DirectoryUser> users;

	/**
	 * Departments and the heads of departments read every user's manager: briefly too.
	 */
	private final Cache<String, Object> people;

	CamundaDirectory(ProcessEngine engine, DirectorySettings settings) {
		this.engine = engine;
		this.identity = engine.getIdentityService();
		this.users = Caffeine.newBuilder().expireAfterWrite(settings.cacheTtl()).maximumSize(10_000).build();
		this.people = Caffeine.newBuilder().expireAfterWrite(settings.cacheTtl()).maximumSize(1_000).build();
	}

	// the directory answers the app, whoever the current user is and whatever the user's
	// Camunda authorizations on users and groups

	@Override
	public Optional<DirectoryUser> findUser(String userId) {
		if (userId == null || userId.isBlank()) {
			return Optional.empty();
		}
		DirectoryUser known = this.users.getIfPresent(userId);
		if (known != null) {
			return Optional.of(known);
		}
		// someone not found yet may be created any moment: only those found are kept
		Optional<DirectoryUser> found = EngineCalls.asApp(this.engine,
				() -> Optional.ofNullable(this.identity.createUserQuery().userId(userId).singleResult())
					.map(this::toUser));
		found.ifPresent((user) -> this.users.put(userId, user));
		return found;
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<DirectoryUser> department(String managerId) {
		return (List<DirectoryUser>) this.people.get("department:" + managerId, (key) -> readDepartment(managerId));
	}

	private List<DirectoryUser> readDepartment(String managerId) {
		return EngineCalls.asApp(this.engine,
				() -> this.identity.createUserQuery()
					.orderByUserId()
					.asc()
					.list()
					.stream()
					.filter((user) -> Objects.equals(managerId, this.identity.getUserInfo(user.getId(), MANAGER_ID)))
					.map(this::toUser)
					.toList());
	}

	@Override
	@SuppressWarnings("unchecked")
	public Set<String> managerIds() {
		return (Set<String>) this.people.get("managers", (key) -> readManagerIds());
	}

	private Set<String> readManagerIds() {
		return EngineCalls.asApp(this.engine, () -> {
			Set<String> managers = new TreeSet<>();
			for (User user : this.identity.createUserQuery().list()) {
				String manager = this.identity.getUserInfo(user.getId(), MANAGER_ID);
				if (manager != null) {
					managers.add(manager);
				}
			}
			return managers;
		});
	}

	@Override
	public List<DirectoryUser> membersOf(String groupId) {
		return EngineCalls.asApp(this.engine,
				() -> this.identity.createUserQuery()
					.memberOfGroup(groupId)
					.orderByUserId()
					.asc()
					.list()
					.stream()
					.map(this::toUser)
					.toList());
	}

	private DirectoryUser toUser(User user) {
		Set<Role> roles = new HashSet<>();
		Set<String> groups = new HashSet<>();
		for (Group group : this.identity.createGroupQuery().groupMember(user.getId()).list()) {
			if (ROLE_GROUP_TYPE.equals(group.getType())) {
				Role.byName(group.getId()).ifPresent(roles::add);
			}
			else {
				groups.add(group.getId());
			}
		}
		return new DirectoryUser(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
				this.identity.getUserInfo(user.getId(), MANAGER_ID), roles, groups);
	}

}
