package ru.telecom.crm.incident.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.directory.Role;
import ru.telecom.crm.incident.EngineerChoices;
import ru.telecom.crm.incident.IncidentStatus;

/**
 * The work group's engineers with their open load. The group's roster comes from the
 * directory and is kept a minute (a Camunda identity lookup asks per member, Keycloak is
 * a remote call); the load is one grouped count, fresh every time.
 */
@Service
class GroupEngineers implements EngineerChoices {

	private static final Duration ROSTER_KEPT = Duration.ofMinutes(1);

	/** The statuses an engineer's load counts. */
	private static final List<IncidentStatus> OPEN = Arrays.stream(IncidentStatus.values())
		.filter((status) -> status != IncidentStatus.CLOSED)
		.toList();

	private final IncidentRepository incidents;

	private final Directory directory;

	private final Clock clock;

	private final Map<String, Roster> rosters = new ConcurrentHashMap<>();

	GroupEngineers(IncidentRepository incidents, Directory directory, Clock clock) {
		this.incidents = incidents;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<EngineerLoad> ofGroup(String groupId) {
		List<DirectoryUser> engineers = rosterOf(groupId);
		if (engineers.isEmpty()) {
			return List.of();
		}
		Map<String, Long> load = new HashMap<>();
		this.incidents.openLoadOf(engineers.stream().map(DirectoryUser::id).toList(), OPEN)
			.forEach((row) -> load.put((String) row[0], (Long) row[1]));
		return engineers.stream()
			.map((user) -> new EngineerLoad(user.id(), nameOf(user), load.getOrDefault(user.id(), 0L)))
			.sorted(Comparator.comparingLong(EngineerLoad::open).thenComparing(EngineerLoad::name))
			.toList();
	}

	private List<DirectoryUser> rosterOf(String group) {
		Instant now = this.clock.instant();
		Roster kept = this.rosters.get(group);
		if (kept != null && kept.until().isAfter(now)) {
			return kept.engineers();
		}
		List<DirectoryUser> engineers = this.directory.membersOf(group)
			.stream()
			.filter((user) -> user.hasRole(Role.SL3_USER) || user.hasRole(Role.SL3_MANAGER))
			.toList();
		this.rosters.put(group, new Roster(engineers, now.plus(ROSTER_KEPT)));
		return engineers;
	}

	private static String nameOf(DirectoryUser user) {
		String name = ((user.lastName() != null) ? user.lastName() : "") + " "
				+ ((user.firstName() != null) ? user.firstName() : "");
		return name.isBlank() ? user.id() : name.strip() + " (" + user.id() + ")";
	}

	private record Roster(List<DirectoryUser> engineers, Instant until) {
	}

}
