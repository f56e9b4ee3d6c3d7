package ru.telecom.crm.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.ChannelMessage;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.support.ConsoleSession;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's lists as queues (issue 13, item 2): agents land on their own requests,
 * engineers on their own incidents and managers on the overview (issue 14), "mine" and
 * "unassigned" are one click, the most urgent come first when asked, and each open item
 * shows how long it has been open.
 */
@PostgresIntegrationTest
class QueueListsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RequestActions requests;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Test
	void agentsLandOnTheirRequestsEngineersOnTheirIncidentsManagersOnTheOverview() throws Exception {
		assertThat(landingOf("anna")).endsWith("/requests?assignee=me");
		assertThat(landingOf("boris")).endsWith("/requests?assignee=me");
		assertThat(landingOf("ivan")).endsWith("/incidents?assignee=me");
		assertThat(landingOf("sergey")).endsWith("/incidents?assignee=me");
		assertThat(landingOf("maria")).endsWith("/overview");
		assertThat(landingOf("olga")).endsWith("/overview");
		assertThat(landingOf("elena")).endsWith("/overview");
		assertThat(landingOf("admin")).endsWith("/overview");
	}

	@Test
	void anAgentsMineAndUnassignedShortcutsSplitHisRequestsFromTheQueue() throws Exception {
		ServiceRequestView annas = open("anna", Priority.NORMAL);
		ServiceRequestView queued = this.requests
			.receive(new ChannelMessage(Channel.TELEGRAM, "my tv is broken", null, null, "my tv is broken"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.tasks.createTaskQuery()
				.processInstanceId(queued.processInstanceId())
				.taskDefinitionKey(ServiceRequestProcess.TASK_IDENTIFY_CALLER)
				.count() == 1);
		ConsoleSession anna = signedIn("anna");

		String mine = anna.get("/requests?assignee=me").body();
		assertThat(rowsOf(mine)).contains(annas.id()).doesNotContain(queued.id());
		assertThat(mine).contains("href=\"/requests?assignee=me\" aria-current=\"page\"");
		String unassigned = anna.get("/requests?assignee=none").body();
		assertThat(rowsOf(unassigned)).contains(queued.id()).doesNotContain(annas.id());
		assertThat(this.tasks.createTaskQuery().processInstanceId(queued.processInstanceId()).singleResult().getName())
			.as("a queued request's task tells its number before the caller is known")
			.isEqualTo("Request " + queued.id() + " · NORMAL · Identify the caller");
	}

	@Test
	void theMostUrgentComeFirstWhenAskedAndEachOpenItemShowsItsAge() throws Exception {
		// boris's own requests of this test only: other tests open theirs on the same
		// database
		String mark = "queue" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 999_999);
		ServiceRequestView low = open("boris", Priority.LOW, mark);
		ServiceRequestView critical = open("boris", Priority.CRITICAL, mark);
		ServiceRequestView normal = open("boris", Priority.NORMAL, mark);
		ServiceRequestView high = open("boris", Priority.HIGH, mark);
		ConsoleSession boris = signedIn("boris");

		String page = boris.get("/requests?assignee=me&order=priority&q=" + mark).body();
		assertThat(rowsOf(page)).containsSubsequence(critical.id(), high.id(), normal.id(), low.id());
		assertThat(page).contains("<th>Age</th>", "<th>Priority</th>", ">0 min<", "p-CRITICAL");
		assertThat(rowsOf(boris.get("/requests?assignee=me&order=oldest&q=" + mark).body()))
			.containsSubsequence(low.id(), critical.id(), normal.id(), high.id());
		assertThat(boris.get("/requests?assignee=me&order=priority&lang=ru&q=" + mark).body()).contains("Давность",
				"0 мин", "Неназначенные");
		assertThat(boris.get("/requests?order=sideways").statusCode()).isEqualTo(400);
	}

	@Test
	void anEngineerSeesHisGroupsUnassignedIncidentsAndThenHisOwn() throws Exception {
		ServiceRequestView request = open("anna", Priority.HIGH);
		IncidentView incident = new AsUser(this.identity).get("anna", List.of("helpdesk"),
				() -> this.requests.openIncident(request.id(), 1001));
		ConsoleSession petr = signedIn("petr");

		assertThat(incidentRowsOf(petr.get("/incidents?assignee=none").body())).contains(incident.id());
		assertThat(incidentRowsOf(petr.get("/incidents?assignee=me").body())).doesNotContain(incident.id());
		String sorted = petr.get("/incidents?assignee=none&order=priority").body();
		assertThat(sorted).contains("<th>Age</th>");
		assertThat(incidentRowsOf(signedIn("sergey").get("/incidents?assignee=none").body()))
			.as("another work group's queue stays hidden")
			.doesNotContain(incident.id());
	}

	private ServiceRequestView open(String agent, Priority priority) {
		return open(agent, priority, "Queue");
	}

	private ServiceRequestView open(String agent, Priority priority, String mark) {
		return new AsUser(this.identity).get(agent, List.of("helpdesk"), () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), mark + " " + priority, priority)));
	}

	private static List<Long> rowsOf(String page) {
		return ids(page, "/requests/");
	}

	private static List<Long> incidentRowsOf(String page) {
		return ids(page, "/incidents/");
	}

	private static List<Long> ids(String page, String path) {
		Matcher link = Pattern.compile("href=\"" + path + "(\\d+)\"").matcher(page);
		List<Long> ids = new java.util.ArrayList<>();
		while (link.find()) {
			ids.add(Long.valueOf(link.group(1)));
		}
		return ids;
	}

	/** Where the user's sign-in leads: the console's {@code /}, then their list. */
	private String landingOf(String user) throws IOException, InterruptedException {
		ConsoleSession browser = new ConsoleSession(this.port);
		browser.get("/login");
		HttpResponse<String> done = browser.post("/login", Map.of("username", user, "password", user));
		String home = done.headers().firstValue("Location").orElseThrow();
		assertThat(URI.create(home).getPath()).as("%s signs in to the console's start", user).isEqualTo("/");
		return browser.get("/").headers().firstValue("Location").orElseThrow();
	}

	private ConsoleSession signedIn(String user) throws IOException, InterruptedException {
		return ConsoleSession.signedIn(this.port, user);
	}

}
