package ru.telecom.crm.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.ChannelMessage;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestProcess;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.support.ConsoleSession;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console over HTTP as a browser uses it (a session cookie, the sign-in form, CSRF
 * tokens from the pages): who sees what, 404 for hidden items, 403 for changes a user may
 * not make, bad input refused with a readable message and nothing saved, every field
 * escaped, and one sign-in shared with Camunda's webapps.
 */
@PostgresIntegrationTest
class ConsoleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RequestActions requests;

	@Autowired
	ProcessEngine engine;

	@Autowired
	org.camunda.bpm.engine.IdentityService identity;

	@Test
	void signingInIsRequiredAndSignsIntoTasklistToo() throws Exception {
		ConsoleSession anonymous = new ConsoleSession(this.port);
		HttpResponse<String> page = anonymous.get("/clients");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));

		ConsoleSession anna = signedIn("anna");
		assertThat(anna.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"anna\"");

		ConsoleSession wrong = new ConsoleSession(this.port);
		wrong.get("/login");
		HttpResponse<String> refused = wrong.post("/login", Map.of("username", "nobody-here", "password", "guess"));
		assertThat(refused.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).contains("error"));
	}

	@Test
	void anAgentFindsAClientByAPhoneWrittenAnyWay() throws Exception {
		ConsoleSession anna = signedIn("anna");
		for (String phone : new String[] { "8 (900) 777-88-99", "+7 900 777 88 99", "79007778899" }) {
			assertThat(anna.get("/clients?q=" + encode(phone)).body()).as(phone).contains("Popov Dmitry Sergeevich");
		}
		assertThat(anna.get("/clients?q=nobody-at-all").body()).contains("Nothing found.")
			.doesNotContain("Popov Dmitry Sergeevich");
	}

	@Test
	void theHelpdeskCreatesAndEditsClientsAndEveryFieldIsEscaped() throws Exception {
		ConsoleSession anna = signedIn("anna");
		anna.get("/clients/new");
		HttpResponse<String> created = anna.post("/clients", Map.of("lastName", "<script>alert(1)</script>",
				"firstName", "Olga", "phone", TestPhones.fresh(), "email", "olga@example.com"));
		assertThat(created.statusCode()).isEqualTo(302);
		String clientPath = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();

		String page = anna.get(clientPath).body();
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

		anna.get(clientPath + "/edit");
		HttpResponse<String> badInn = anna.post(clientPath,
				Map.of("lastName", "Zaitseva", "phone", "+7 900 000 00 01", "inn", "7707083894", "version", "0"));
		assertThat(badInn.statusCode()).isEqualTo(400);
		assertThat(badInn.body()).contains("class=\"problem\"").contains("aria-invalid=\"true\"");
		assertThat(anna.get(clientPath).body()).as("nothing saved").contains("&lt;script&gt;");
	}

	@Test
	void engineersReadClientsButNeitherEditNorCreateThem() throws Exception {
		ConsoleSession ivan = signedIn("ivan");
		assertThat(ivan.get("/clients?q=popov").statusCode()).isEqualTo(200);
		assertThat(ivan.get("/clients/new").statusCode()).isEqualTo(403);
		assertThat(ivan.get("/clients?q=popov").body()).doesNotContain("/clients/new");
	}

	@Test
	void notesAndFilesFollowTheItemsRulesOnItsPages() throws Exception {
		ServiceRequestView request = new AsUser(this.identity).get("anna", java.util.List.of("helpdesk"),
				() -> this.requests
					.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "No signal at <home>", null)));
		String requestPath = "/requests/" + request.id();
		ConsoleSession anna = signedIn("anna");
		anna.get(requestPath);

		assertThat(anna.post(requestPath + "/notes", Map.of("text", "Called back <b>twice</b>")).statusCode())
			.isEqualTo(302);
		anna.get(requestPath);
		HttpResponse<String> uploaded = anna.upload(requestPath + "/attachments", "modem.log",
				"2026-12-01 link down\n".getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded.statusCode()).isEqualTo(302);
		anna.get(requestPath);
		assertThat(
				anna.upload(requestPath + "/attachments", "virus.pdf", new byte[] { 'M', 'Z', 0, 0, 1 }).statusCode())
			.isEqualTo(302);
		String page = anna.get(requestPath).body();
		assertThat(page).contains("Called back &lt;b&gt;twice&lt;/b&gt;")
			.contains("modem.log")
			.doesNotContain("virus.pdf")
			.contains("class=\"problem\"")
			.contains("action=\"/requests/" + request.id() + "/notes\"");
		Matcher file = Pattern.compile("href=\"(/requests/" + request.id() + "/attachments/\\d+)\"").matcher(page);
		assertThat(file.find()).isTrue();

		HttpResponse<String> download = anna.get(file.group(1));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(download.body()).isEqualTo("2026-12-01 link down\n");
		assertThat(signedIn("boris").get(file.group(1)).statusCode()).as("another agent's request").isEqualTo(404);
		ConsoleSession boris = signedIn("boris");
		boris.get("/requests");
		assertThat(boris.post(requestPath + "/notes", Map.of("text", "Mine now")).statusCode()).isEqualTo(404);

		HttpResponse<String> opened = anna.post(requestPath + "/incident", Map.of("serviceCode", "1001"));
		String incidentPath = URI.create(opened.headers().firstValue("Location").orElseThrow()).getPath();
		ConsoleSession ivan = signedIn("ivan");
		String incidentPage = ivan.get(incidentPath).body();
		assertThat(incidentPage).as("the engineer reads what the client reported and the request's notes")
			.contains("No signal at &lt;home&gt;")
			.contains("Called back &lt;b&gt;twice&lt;/b&gt;");
		assertThat(ivan.post(incidentPath + "/notes", Map.of("text", "Port 7 reset")).statusCode()).isEqualTo(302);
		assertThat(ivan.get(incidentPath).body()).contains("Port 7 reset");
		assertThat(ivan.post(requestPath + "/notes", Map.of("text", "Not mine to write")).statusCode())
			.as("the engineer reads the request, never changes it")
			.isEqualTo(403);
		String annasView = anna.get(incidentPath).body();
		assertThat(annasView).contains("Port 7 reset").doesNotContain("action=\"" + incidentPath + "/notes\"");
		assertThat(anna.post(incidentPath + "/notes", Map.of("text", "Not mine")).statusCode()).isEqualTo(403);
	}

	@Test
	void aFormWithoutItsCsrfTokenChangesNothing() throws Exception {
		ConsoleSession anna = signedIn("anna");
		HttpResponse<String> forged = anna.postWithoutToken("/clients",
				Map.of("lastName", "Forged", "phone", TestPhones.fresh()));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(anna.get("/clients?q=Forged").body()).doesNotContain(">Forged");
	}

	@Test
	void hiddenItemsAreNotFoundReadOnlyItemsOfferNoActionAndActionsGoThroughTheProcess() throws Exception {
		ServiceRequestView request = new AsUser(this.identity).get("anna", java.util.List.of("helpdesk"),
				() -> this.requests
					.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Console check", null)));
		ConsoleSession anna = signedIn("anna");
		String requestPage = anna.get("/requests/" + request.id()).body();
		assertThat(requestPage).contains("Open an incident").contains("/camunda/app/tasklist/default/#/?task=");
		assertThat(signedIn("boris").get("/requests/" + request.id()).statusCode()).as("another agent's request")
			.isEqualTo(404);
		assertThat(signedIn("boris").get("/requests").body()).doesNotContain("/requests/" + request.id() + "\"");

		HttpResponse<String> opened = anna.post("/requests/" + request.id() + "/incident",
				Map.of("serviceCode", "1001"));
		assertThat(opened.statusCode()).isEqualTo(302);
		String incidentPath = URI.create(opened.headers().firstValue("Location").orElseThrow()).getPath();

		assertThat(signedIn("sergey").get(incidentPath).statusCode()).as("another work group").isEqualTo(404);
		assertThat(signedIn("ivan").get(incidentPath).body()).as("the work group's queue").contains("Start work");
		String annasView = anna.get(incidentPath).body();
		assertThat(annasView).as("the helpdesk reads, never changes")
			.contains("1001 Home internet")
			.doesNotContain("actions-box");
		assertThat(anna.post(incidentPath + "/status", Map.of("status", "INWORK")).statusCode()).isEqualTo(403);

		ConsoleSession olga = signedIn("olga");
		olga.get(incidentPath);
		HttpResponse<String> assigned = olga.post(incidentPath + "/status",
				Map.of("status", "ASSIGNED", "assignee", "ivan"));
		assertThat(assigned.statusCode()).isEqualTo(302);
		assertThat(olga.get(incidentPath).body()).contains("ASSIGNED").contains("ivan");
		assertThat(olga.get("/incidents?group=100&status=ASSIGNED").body()).contains(incidentPath + "\"");
		assertThat(olga.get("/incidents?group=200").body()).doesNotContain(incidentPath + "\"");

		ConsoleSession ivan = signedIn("ivan");
		ivan.get(incidentPath);
		assertThat(
				ivan.post(incidentPath + "/status", Map.of("status", "CLOSED", "narrative", "Too early")).statusCode())
			.isEqualTo(302);
		assertThat(ivan.get(incidentPath).body()).as("an illegal transition is refused, readably")
			.contains("class=\"problem\"")
			.contains("s-ASSIGNED");
		ivan.post(incidentPath + "/status", Map.of("status", "INWORK"));
		ivan.get(incidentPath);
		ivan.post(incidentPath + "/unlink", Map.of());
		assertThat(ivan.get(incidentPath).body()).contains("s-INWORK").contains("unlinked");
		assertThat(anna.get("/requests/" + request.id()).body()).contains("s-CLOSED")
			.contains("its incident was unlinked");
	}

	@Test
	void aRequestPageOffersWhatTheTransitionTableAllowsAtTheTaskItsProcessWaitsAt() throws Exception {
		ServiceRequestView qualifying = new AsUser(this.identity).get("anna", java.util.List.of("helpdesk"),
				() -> this.requests
					.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Offered actions", null)));
		ServiceRequestView unidentified = this.requests
			.receive(new ChannelMessage(Channel.TELEGRAM, "my tv is broken", null, null, "my tv is broken"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.engine.getTaskService()
				.createTaskQuery()
				.processInstanceId(unidentified.processInstanceId())
				.taskDefinitionKey(ServiceRequestProcess.TASK_IDENTIFY_CALLER)
				.count() == 1);
		ConsoleSession anna = signedIn("anna");

		assertThat(anna.get("/requests/" + qualifying.id()).body()).as("at Qualify the request")
			.contains("actions-box")
			.contains("/requests/" + qualifying.id() + "/incident")
			.contains("/requests/" + qualifying.id() + "/close");
		assertThat(anna.get("/requests/" + unidentified.id()).body()).as("at Identify the caller, still NEW")
			.contains("s-NEW")
			.doesNotContain("actions-box");
		anna.post("/requests/" + qualifying.id() + "/incident", Map.of("serviceCode", "1001"));
		assertThat(anna.get("/requests/" + qualifying.id()).body()).as("waiting for its incident")
			.contains("s-IN_PROGRESS")
			.doesNotContain("actions-box");
	}

	@Test
	void badFiltersAreRefusedWithAReadablePage() throws Exception {
		HttpResponse<String> page = signedIn("anna").get("/requests?status=BOGUS");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("Not accepted").contains("BOGUS");
		assertThat(signedIn("anna").get("/clients/987654321").statusCode()).isEqualTo(404);
	}

	@Test
	void labelsComeInRussian() throws Exception {
		assertThat(signedIn("anna").get("/requests?lang=ru").body()).contains("Заявки").contains("Инциденты");
	}

	private ConsoleSession signedIn(String user) throws IOException, InterruptedException {
		return ConsoleSession.signedIn(this.port, user);
	}

	private static String encode(String text) {
		return ConsoleSession.encode(text);
	}

}
