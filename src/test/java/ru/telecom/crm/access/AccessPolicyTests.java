package ru.telecom.crm.access;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.directory.Role;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.Priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * DESIGN §3's table, row by row, for the demo users of DESIGN §11: who has full access,
 * who reads, who may not even know each kind of item.
 */
class AccessPolicyTests {

	private static final List<DirectoryUser> USERS = List.of(
			user("anna", "maria", Set.of(Role.HELP_DESK_USER), "helpdesk"),
			user("boris", "maria", Set.of(Role.HELP_DESK_USER), "helpdesk"),
			user("maria", null, Set.of(Role.HELP_DESK_MANAGER), "helpdesk"),
			user("ivan", "olga", Set.of(Role.SL3_USER), "wg-100"),
			user("petr", "olga", Set.of(Role.SL3_USER), "wg-100"),
			user("olga", null, Set.of(Role.SL3_MANAGER), "wg-100"),
			user("sergey", "elena", Set.of(Role.SL3_USER), "wg-200"),
			user("elena", null, Set.of(Role.SL3_MANAGER), "wg-200"), user("admin", null, Set.of(), "camunda-admin"),
			user("esb", null, Set.of(Role.CHANNEL_INTEGRATION)));

	/** Anna's request, whose incident of group 100 Ivan works. */
	private static final ServiceRequestView ANNAS = request(1, "anna", RequestStatus.IN_PROGRESS);

	/** Boris's request without an incident. */
	private static final ServiceRequestView BORIS = request(2, "boris", RequestStatus.NEW);

	/** A channel's request in the helpdesk queue. */
	private static final ServiceRequestView QUEUED = request(3, null, RequestStatus.NEW);

	/** Boris's request whose NEW incident waits in group 200's queue. */
	private static final ServiceRequestView BORIS_BILLING = request(4, "boris", RequestStatus.IN_PROGRESS);

	private static final IncidentView IVANS = incident(11, 1, "ivan", 100, IncidentStatus.INWORK);

	private static final IncidentView QUEUED_200 = incident(12, 4, null, 200, IncidentStatus.NEW);

	private static final Map<String, ServiceRequestView> REQUESTS = Map.of("annas", ANNAS, "boris", BORIS, "queued",
			QUEUED, "borisBilling", BORIS_BILLING);

	private static final Map<String, IncidentView> INCIDENTS = Map.of("ivans", IVANS, "queued200", QUEUED_200);

	private AccessPolicy policy;

	@BeforeEach
	void directoryCatalogAndItems() {
		Directory directory = mock(Directory.class);
		when(directory.findUser(anyString())).thenReturn(Optional.empty());
		USERS.forEach((user) -> when(directory.findUser(user.id())).thenReturn(Optional.of(user)));
		for (DirectoryUser manager : USERS) {
			when(directory.department(manager.id()))
				.thenReturn(USERS.stream().filter((user) -> manager.id().equals(user.managerId())).toList());
		}
		CatalogApi catalog = mock(CatalogApi.class);
		when(catalog.workGroups()).thenReturn(List.of(new WorkGroupView(100, 100, "Network", "noc@x", "olga", false),
				new WorkGroupView(200, 200, "Billing", "billing@x", "elena", false)));
		ServiceRequestApi requests = mock(ServiceRequestApi.class);
		when(requests.find(anyLong())).thenReturn(Optional.empty());
		REQUESTS.values().forEach((request) -> when(requests.find(request.id())).thenReturn(Optional.of(request)));
		IncidentApi incidents = mock(IncidentApi.class);
		when(incidents.findByServiceRequest(anyLong())).thenReturn(Optional.empty());
		INCIDENTS.values()
			.forEach((incident) -> when(incidents.findByServiceRequest(incident.serviceRequestId()))
				.thenReturn(Optional.of(incident)));
		this.policy = new AccessPolicy(directory, catalog, requests, incidents);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = {
			// user | annas | boris | queued | borisBilling
			"anna   | FULL  | NONE  | FULL   | NONE", "boris  | NONE  | FULL  | FULL   | FULL",
			"maria  | FULL  | FULL  | FULL   | FULL", "ivan   | READ  | NONE  | NONE   | NONE",
			"petr   | NONE  | NONE  | NONE   | NONE", "olga   | READ  | NONE  | NONE   | NONE",
			"sergey | NONE  | NONE  | NONE   | READ", "elena  | NONE  | NONE  | NONE   | READ",
			"admin  | FULL  | FULL  | FULL   | FULL", "esb    | NONE  | NONE  | NONE   | NONE" })
	void requests(String user, Access annas, Access boris, Access queued, Access borisBilling) {
		Caller caller = this.policy.caller(user);

		assertThat(Arrays.asList(this.policy.toRequest(caller, ANNAS), this.policy.toRequest(caller, BORIS),
				this.policy.toRequest(caller, QUEUED), this.policy.toRequest(caller, BORIS_BILLING)))
			.containsExactly(annas, boris, queued, borisBilling);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = {
			// user | ivans | queued200
			"anna   | READ  | NONE", "boris  | NONE  | READ", "maria  | READ  | READ", "ivan   | FULL  | NONE",
			"petr   | NONE  | NONE", "olga   | FULL  | NONE", "sergey | NONE  | FULL", "elena  | NONE  | FULL",
			"admin  | FULL  | FULL", "esb    | NONE  | NONE" })
	void incidents(String user, Access ivans, Access queued200) {
		Caller caller = this.policy.caller(user);

		assertThat(Arrays.asList(this.policy.toIncident(caller, IVANS), this.policy.toIncident(caller, QUEUED_200)))
			.containsExactly(ivans, queued200);
	}

	@ParameterizedTest(name = "{0} held by {1} in {2}")
	@CsvSource(delimiter = '|', value = {
			// assignee | queues | managers with full access
			"anna  | ''           | maria", "''    | helpdesk     | ''", "ivan  | ''           | olga",
			"''    | wg-100       | olga", "petr  | wg-200       | olga elena", "olga  | wg-100       | ''",
			"nobody| ''           | ''" })
	void theManagersOfATaskAreTheAssigneesAndTheQueues(String assignee, String queues, String managers) {
		Set<String> expected = managers.isBlank() ? Set.of() : Set.of(managers.split(" "));

		assertThat(this.policy.managersOf(assignee.isBlank() ? null : assignee,
				queues.isBlank() ? Set.of() : Set.of(queues)))
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@ParameterizedTest(name = "{0} starts at {1}")
	@CsvSource(delimiter = '|',
			value = { "anna   | OWN_REQUESTS  | false", "boris  | OWN_REQUESTS  | false",
					"maria  | OVERVIEW      | true", "ivan   | OWN_INCIDENTS | false", "petr   | OWN_INCIDENTS | false",
					"olga   | OVERVIEW      | true", "sergey | OWN_INCIDENTS | false", "elena  | OVERVIEW      | true",
					"admin  | OVERVIEW      | true", "esb    | EVERYTHING    | false" })
	void managersAndAdministratorsStartAtTheOverviewOthersAtTheirOwnWork(String user, Caller.Worklist start,
			boolean overview) {
		Caller caller = this.policy.caller(user);

		assertThat(caller.worklist()).isEqualTo(start);
		assertThat(caller.overseesWork()).isEqualTo(overview);
	}

	private static DirectoryUser user(String id, String managerId, Set<Role> roles, String... groups) {
		return new DirectoryUser(id, id, id, id + "@telecom.example", managerId, roles, Set.of(groups));
	}

	private static ServiceRequestView request(long id, String assignee, RequestStatus status) {
		return new ServiceRequestView(id, Instant.EPOCH, "anna", Channel.PHONE, Priority.NORMAL, "d", assignee, 1L, 1L,
				status, null, null, null, "p" + id);
	}

	private static IncidentView incident(long id, long requestId, String assignee, long workGroup,
			IncidentStatus status) {
		return new IncidentView(id, Instant.EPOCH, "anna", assignee, null, 1, workGroup, Priority.NORMAL, null,
				requestId, 1, null, status, null, "i" + id, null, null, null, null, false);
	}

}
