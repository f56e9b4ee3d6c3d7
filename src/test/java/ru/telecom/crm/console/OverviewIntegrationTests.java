package ru.telecom.crm.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.preference.UserPreferences;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.ConsoleSession;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' overview (issue 14, item 4): the open requests and incidents of the
 * manager's own scope counted as the operations board counts them, each count leading to
 * a list of exactly those items, the oldest unassigned first, the incidents on hold with
 * how long they have waited, in the user's language and time zone; a handful of
 * statements per view however many items; for managers and administrators only. The
 * database is shared with the other tests, so counts are compared before and after this
 * test's own items.
 */
@PostgresIntegrationTest
class OverviewIntegrationTests {

	private static final Pattern COUNT = Pattern.compile("<a class=\"count\" href=\"([^\"]+)\">(\\d+)</a>");

	private static final Pattern IN_ALL = Pattern.compile("\\((\\d+) in all\\)");

	@LocalServerPort
	int port;

	@Autowired
	RequestActions requests;

	@Autowired
	IncidentActions incidents;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserPreferences preferences;

	@Test
	void aWorkGroupManagerCountsHerScopesOpenItemsAndEachCountListsExactlyThem() throws Exception {
		ConsoleSession elena = ConsoleSession.signedIn(this.port, "elena");
		Map<String, Long> before = countsOf(elena.get("/overview").body());

		Known known = openTheKnownItems();
		String page = elena.get("/overview").body();
		Map<String, Long> after = countsOf(page);

		assertThat(delta(before, after, "/incidents?open=true")).isEqualTo(2);
		assertThat(delta(before, after, "/incidents?open=true&status=NEW")).isEqualTo(1);
		assertThat(delta(before, after, "/incidents?open=true&status=ON_HOLD")).isEqualTo(1);
		assertThat(delta(before, after, "/incidents?open=true&group=200")).isEqualTo(2);
		assertThat(delta(before, after, "/incidents?open=true&service=2001")).isEqualTo(2);
		assertThat(delta(before, after, "/incidents?open=true&assignee=none")).isEqualTo(1);
		assertThat(delta(before, after, "/incidents?open=true&assignee=sergey")).isEqualTo(1);
		assertThat(delta(before, after, "/incidents?open=true&priority=HIGH")).isEqualTo(1);
		assertThat(delta(before, after, "/incidents?open=true&priority=CRITICAL")).isEqualTo(1);
		assertThat(delta(before, after, "/incidents?open=true&priority=LOW")).isZero();
		assertThat(after).as("work group 100 is not hers")
			.doesNotContainKeys("/incidents?open=true&group=100", "/incidents?open=true&service=1001");
		// her requests: those behind the incidents she may see
		assertThat(delta(before, after, "/requests?open=true")).isEqualTo(2);
		assertThat(delta(before, after, "/requests?open=true&status=IN_PROGRESS")).isEqualTo(2);
		assertThat(delta(before, after, "/requests?open=true&assignee=anna")).isEqualTo(2);
		assertThat(delta(before, after, "/requests?open=true&assignee=boris")).as("no incident behind it").isZero();

		everyCountListsAsMany(elena, after);
		assertThat(idsOf(elena.get("/incidents?open=true&service=2001").body(), "/incidents/"))
			.contains(known.queued().id(), known.held().id())
			.doesNotContain(known.elsewhere().id());
		assertThat(idsOf(elena.get("/incidents?open=true&group=100").body(), "/incidents/")).isEmpty();
	}

	@Test
	void aHelpdeskManagerCountsHerDepartmentsRequestsAndTheIncidentsOpenedFromThem() throws Exception {
		ConsoleSession maria = ConsoleSession.signedIn(this.port, "maria");
		Map<String, Long> before = countsOf(maria.get("/overview").body());

		Known known = openTheKnownItems();
		Map<String, Long> after = countsOf(maria.get("/overview").body());

		assertThat(delta(before, after, "/requests?open=true&assignee=anna")).as("the closed one is not counted")
			.isEqualTo(3);
		assertThat(delta(before, after, "/requests?open=true&assignee=boris")).isEqualTo(1);
		assertThat(delta(before, after, "/incidents?open=true&group=100")).isEqualTo(1);
		assertThat(delta(before, after, "/incidents?open=true&group=200")).isEqualTo(2);
		everyCountListsAsMany(maria, after);
		List<Long> annas = idsOf(maria.get("/requests?open=true&assignee=anna").body(), "/requests/");
		assertThat(annas).doesNotContain(known.closed().id());
		assertThat(idsOf(maria.get("/requests?assignee=anna&q=" + known.mark()).body(), "/requests/"))
			.as("without open=true the list shows the closed one too")
			.contains(known.closed().id());
	}

	@Test
	void theOldestUnassignedComeFirstAndEachIncidentOnHoldSaysHowLongItHasWaited() throws Exception {
		Known known = openTheKnownItems();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant opened = now.minus(Duration.ofDays(2).plusHours(5).plusMinutes(10));
		Instant held = now.minus(Duration.ofHours(3).plusMinutes(12).plusSeconds(30));
		this.jdbc.update("update incident set created_at = ? where id = ?", Timestamp.from(opened),
				known.queued().id());
		// its history moved back as a whole: the hold stays its last change
		this.jdbc.update("""
				update status set created_at = created_at
				  - ((select max(created_at) from status where incident_id = ?) - cast(? as timestamp with time zone))
				where incident_id = ?""", known.held().id(), Timestamp.from(held), known.held().id());
		ConsoleSession elena = ConsoleSession.signedIn(this.port, "elena");

		String page = elena.get("/overview").body();
		assertThat(idsOf(section(page, "unassigned-incidents"), "/incidents/")).first().isEqualTo(known.queued().id());
		assertThat(section(page, "unassigned-incidents")).contains(">2 d 5 h<", "2001 Billing dispute");
		assertThat(idsOf(section(page, "on-hold"), "/incidents/")).first().isEqualTo(known.held().id());
		assertThat(section(page, "on-hold")).contains(">3 h 12 min<", ">sergey<", "Waiting for the bank",
				ConsoleFormat.at(held, this.preferences.timeZone("elena")));
		assertThat(page).as("the oldest of work group 200, linked to its list oldest first")
			.contains("href=\"/incidents?open=true&amp;group=200&amp;order=oldest\" title=\""
					+ ConsoleFormat.at(opened, this.preferences.timeZone("elena")) + "\">2 d 5 h</a>");
		assertThat(idsOf(elena.get("/incidents?open=true&group=200&order=oldest").body(), "/incidents/")).first()
			.isEqualTo(known.queued().id());

		String russian = ConsoleSession.signedIn(this.port, "elena").get("/overview?lang=ru").body();
		assertThat(russian).contains("<h1>Обзор</h1>", ">3 ч 12 мин<", ">2 дн. 5 ч<", ">без исполнителя<",
				"Приостановленные инциденты", "Ждёт");
	}

	@Test
	void managersAndAdministratorsSeeTheOverviewAgentsAndEngineersAreRefused() throws Exception {
		for (String manager : List.of("maria", "olga", "elena", "admin")) {
			HttpResponse<String> overview = ConsoleSession.signedIn(this.port, manager).get("/overview");
			assertThat(overview.statusCode()).as(manager).isEqualTo(200);
			assertThat(overview.body()).as(manager).contains("href=\"/overview\">Overview</a>");
		}
		for (String worker : List.of("anna", "ivan")) {
			ConsoleSession session = ConsoleSession.signedIn(this.port, worker);
			HttpResponse<String> refused = session.get("/overview");
			assertThat(refused.statusCode()).as(worker).isEqualTo(403);
			assertThat(refused.body()).contains("The overview is for managers and administrators");
			assertThat(session.get("/requests").body()).as(worker).doesNotContain("href=\"/overview\"");
		}
	}

	@Test
	void aViewOfTheOverviewAsksForItsItemsInFiveQueriesHoweverManyThereAre() throws Exception {
		ConsoleSession elena = ConsoleSession.signedIn(this.port, "elena");
		List<String> before = itemQueries(statementsOf(elena, "/overview"));

		openTheKnownItems();
		openTheKnownItems();
		List<String> after = statementsOf(elena, "/overview");

		// two grouped counts, the oldest unassigned of each kind, the longest on hold;
		// the rest is what any signed-in page costs (the user's time zone, and the
		// directory's lookups when its cache has expired)
		assertThat(before).hasSize(5);
		assertThat(itemQueries(after)).as("%s", after).hasSize(5);
		assertThat(itemQueries(after)).filteredOn((sql) -> sql.contains("group by")).hasSize(2);
	}

	@Test
	void cockpitServesItsFailedJobsUnderTheirOwnName() throws Exception {
		HttpResponse<String> english = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/camunda/app/cockpit/locales/en.json"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("\"PLUGIN_INCIDENTS_LABEL\": \"Job Failures\"",
				"\"DASHBOARD_OPEN_INCIDENTS\": \"Open Job Failures\"");
		assertThat(english.body()).doesNotContainPattern("\": \"[^\"]*[Ii]ncident");
	}

	/**
	 * Anna's requests: one whose incident waits in work group 200's queue (HIGH), one
	 * whose incident Sergey put on hold (CRITICAL), one whose incident waits in group
	 * 100's queue (LOW), one closed without an incident; Boris's request without one.
	 */
	private Known openTheKnownItems() {
		String mark = "overview" + UUID.randomUUID().toString().substring(0, 8);
		ServiceRequestView queuedRequest = open("anna", Priority.HIGH, mark);
		IncidentView queued = as("anna", "helpdesk", () -> this.requests.openIncident(queuedRequest.id(), 2001));
		ServiceRequestView heldRequest = open("anna", Priority.CRITICAL, mark);
		IncidentView held = as("anna", "helpdesk", () -> this.requests.openIncident(heldRequest.id(), 2001));
		as("elena", "wg-200", () -> change(held, IncidentStatus.ASSIGNED, new TransitionDetails("sergey", null, null)));
		as("sergey", "wg-200", () -> change(held, IncidentStatus.INWORK, TransitionDetails.NONE));
		as("sergey", "wg-200",
				() -> change(held, IncidentStatus.ON_HOLD, new TransitionDetails(null, null, "Waiting for the bank")));
		ServiceRequestView elsewhereRequest = open("anna", Priority.LOW, mark);
		IncidentView elsewhere = as("anna", "helpdesk", () -> this.requests.openIncident(elsewhereRequest.id(), 1001));
		ServiceRequestView closed = open("anna", Priority.NORMAL, mark);
		as("anna", "helpdesk", () -> {
			this.requests.closeWithoutIncident(closed.id(), "Solved on the phone");
			return closed;
		});
		open("boris", Priority.NORMAL, mark);
		return new Known(mark, queued, held, elsewhere, closed);
	}

	private ServiceRequestView open(String agent, Priority priority, String mark) {
		return as(agent, "helpdesk", () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), mark + " " + priority, priority)));
	}

	private IncidentView change(IncidentView incident, IncidentStatus target, TransitionDetails details) {
		this.incidents.changeStatus(incident.id(), target, details);
		return incident;
	}

	private <T> T as(String user, String group, Supplier<T> work) {
		return new AsUser(this.identity).get(user, List.of(group), work);
	}

	/** The overview's counts by the list each links to. */
	private static Map<String, Long> countsOf(String page) {
		Map<String, Long> counts = new HashMap<>();
		Matcher count = COUNT.matcher(page);
		while (count.find()) {
			counts.put(count.group(1).replace("&amp;", "&"), Long.valueOf(count.group(2)));
		}
		assertThat(counts).as("the overview's counts").isNotEmpty();
		return counts;
	}

	private static long delta(Map<String, Long> before, Map<String, Long> after, String list) {
		return after.getOrDefault(list, 0L) - before.getOrDefault(list, 0L);
	}

	/** Each count's link leads to a list of as many items, within the same scope. */
	private static void everyCountListsAsMany(ConsoleSession session, Map<String, Long> counts)
			throws IOException, InterruptedException {
		for (Map.Entry<String, Long> count : counts.entrySet()) {
			assertThat(listed(session, count.getKey())).as(count.getKey()).isEqualTo(count.getValue());
		}
	}

	/** How many items the list shows: its total when it has pages, else its rows. */
	private static long listed(ConsoleSession session, String list) throws IOException, InterruptedException {
		String page = session.get(list).body();
		Matcher total = IN_ALL.matcher(page);
		if (total.find()) {
			return Long.parseLong(total.group(1));
		}
		return idsOf(page, list.startsWith("/incidents") ? "/incidents/" : "/requests/").size();
	}

	private static List<Long> idsOf(String page, String path) {
		Matcher link = Pattern.compile("href=\"" + path + "(\\d+)\"").matcher(page);
		List<Long> ids = new ArrayList<>();
		while (link.find()) {
			ids.add(Long.valueOf(link.group(1)));
		}
		return ids;
	}

	/** The table of the page with that id. */
	private static String section(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("table %s", id).isPositive();
		return page.substring(start, page.indexOf("</table>", start));
	}

	/** The statements that read requests or incidents. */
	private static List<String> itemQueries(List<String> statements) {
		return statements.stream()
			.filter((sql) -> sql.contains(" from service_request ") || sql.contains(" from incident "))
			.toList();
	}

	private static List<String> statementsOf(ConsoleSession session, String page)
			throws IOException, InterruptedException {
		String mark = UUID.randomUUID().toString();
		assertThat(session.get(page, Map.of(StatementCounter.HEADER, mark)).statusCode()).isEqualTo(200);
		return StatementCounter.of(mark);
	}

	private record Known(String mark, IncidentView queued, IncidentView held, IncidentView elsewhere,
			ServiceRequestView closed) {
	}

}
