package ru.telecom.crm.slaclock.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ru.telecom.crm.CrmApplication;
import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.AppClock;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.SlaApi;
import ru.telecom.crm.sla.SlaSetup;
import ru.telecom.crm.slaclock.SlaClockProcess;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.ConsoleSession;
import ru.telecom.crm.support.Mailbox;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An incident's service-level clock on the whole app, PostgreSQL and a real mail server,
 * with the app's and the engine's clock moved together (DESIGN §12, issue 15): the due
 * instants on the API and the Tasklist task, the warning, the breach and each escalation
 * level sounded once at its instant (an activity row, a ledger row, a mail to the level's
 * person), the resolution clock still while on hold, and nothing after close.
 * <p>
 * Service 1001 (work group 100, Moscow office hours 09–13 and 14–18) at CRITICAL: a
 * response within 30 working minutes, a resolution within 240, the warning at 75 %,
 * escalations every quarter of the target to the engineer, the group's manager, the
 * agent's manager and the head of support.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = { "crm.clock.controllable=true",
		PostgresDatabases.OWN_DATABASE + "=" + SlaClockIntegrationTests.DATABASE })
class SlaClockIntegrationTests {

	static final String DATABASE = "clock";

	/** Monday 7 December 2026, 09:00 in Moscow: the office's day begins. */
	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	private static final Instant MONDAY_MORNING = Instant.parse("2026-12-07T06:00:00Z");

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(PostgresDatabases.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@Autowired
	AppClock clock;

	@Autowired
	RequestActions requests;

	@Autowired
	IncidentActions incidentActions;

	@Autowired
	IncidentApi incidents;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ClockWatch watch;

	@Autowired
	ProcessEngine engine;

	@Autowired
	SlaApi sla;

	@LocalServerPort
	int port;

	@AfterEach
	void backToTheSystemsTime() {
		this.clock.reset();
	}

	@Test
	void eachAlarmSoundsOnceAtItsInstantAndTheDueDatesAreWhereAgentsWork() throws Exception {
		this.clock.moveTo(MONDAY_MORNING);
		IncidentView incident = criticalIncident();
		Instant opened = openedAt(incident.id());

		JsonNode read = get("olga", "/api/incidents/" + incident.id());
		Instant responseDue = opened.plus(Duration.ofMinutes(30));
		// 240 working minutes from just after 09:00: four hours, and the lunch hour
		Instant resolutionDue = opened.plus(Duration.ofHours(5));
		assertThat(Instant.parse(read.get("responseDueAt").asText())).isEqualTo(responseDue);
		assertThat(Instant.parse(read.get("resolutionDueAt").asText())).isEqualTo(resolutionDue);
		assertThat(read.get("responseBreachedAt").isNull()).isTrue();
		assertThat(read.get("slaPaused").asBoolean()).isFalse();
		assertThat(taskOf(incident).getDueDate().toInstant()).as("the Tasklist task's due date")
			.isEqualTo(responseDue.truncatedTo(ChronoUnit.MILLIS));
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(SlaClockProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(incident.id()))
			.count()).isOne();
		ConsoleSession olga = ConsoleSession.signedIn(this.port, "olga");
		String shownDue = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(MOSCOW).format(responseDue);
		assertThat(olga.get("/incidents/" + incident.id()).body()).as("the incident's page")
			.contains("Response due", shownDue, "Resolution due");
		assertThat(olga.get("/incidents?status=NEW").body()).as("the list's Due column").contains(">Due<", shownDue);

		this.clock.moveTo(opened.plus(Duration.ofMinutes(23)));
		awaitAlarms(incident.id(), 1);
		assertThat(activities(incident.id())).containsExactly("SLA_WARNING RESPONSE, due at " + responseDue);

		this.clock.moveTo(opened.plus(Duration.ofMinutes(31)));
		awaitAlarms(incident.id(), 2);
		assertThat(Instant.parse(get("olga", "/api/incidents/" + incident.id()).get("responseBreachedAt").asText()))
			.isEqualTo(responseDue);

		this.clock.moveTo(opened.plus(Duration.ofMinutes(38)));
		awaitAlarms(incident.id(), 3);
		this.clock.moveTo(opened.plus(Duration.ofMinutes(46)));
		awaitAlarms(incident.id(), 4);
		this.clock.moveTo(opened.plus(Duration.ofMinutes(61)));
		awaitAlarms(incident.id(), 6);

		assertThat(activities(incident.id())).containsExactly("SLA_WARNING RESPONSE, due at " + responseDue,
				"SLA_BREACHED RESPONSE, due at " + responseDue,
				"SLA_ESCALATED RESPONSE level 1 ENGINEER, due at " + responseDue,
				"SLA_ESCALATED RESPONSE level 2 GROUP_MANAGER, due at " + responseDue,
				"SLA_ESCALATED RESPONSE level 3 AGENT_MANAGER, due at " + responseDue,
				"SLA_ESCALATED RESPONSE level 4 HEAD_OF_SUPPORT, due at " + responseDue);
		Map<String, Mailbox.Mail> mails = Mailbox.awaitAbout(greenMail, incident.id(), 2 + 6);
		String sla = "<incident-" + incident.id() + ".sla.response-";
		assertThat(mails.get(sla + "warning-0@helpdesk.telecom.example>").to()).containsExactly("olga@telecom.example");
		assertThat(Mailbox.textOf(greenMail, sla + "warning-0@helpdesk.telecom.example>"))
			.as("the warning says when the response is due, in Moscow time")
			.contains("by " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(MOSCOW).format(responseDue));
		assertThat(mails.get(sla + "breach-0@helpdesk.telecom.example>").to()).containsExactly("olga@telecom.example");
		assertThat(mails.get(sla + "escalation-1@helpdesk.telecom.example>").to())
			.as("nobody is assigned: the group's manager stands for the engineer")
			.containsExactly("olga@telecom.example");
		assertThat(mails.get(sla + "escalation-2@helpdesk.telecom.example>").to())
			.containsExactly("olga@telecom.example");
		assertThat(mails.get(sla + "escalation-3@helpdesk.telecom.example>").to())
			.containsExactly("maria@telecom.example");
		assertThat(mails.get(sla + "escalation-4@helpdesk.telecom.example>").to())
			.containsExactly("head@telecom.example");

		// taken into work: the response clock stops, no response alarm any more
		as("olga", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		as("ivan",
				() -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));
		assertThat(taskOf(incident).getDueDate().toInstant()).as("now the resolution's")
			.isEqualTo(resolutionDue.truncatedTo(ChronoUnit.MILLIS));
		as("ivan", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.ON_HOLD,
				new TransitionDetails(null, null, "Waiting for the client's access")));
		JsonNode held = get("ivan", "/api/incidents/" + incident.id());
		assertThat(held.get("slaPaused").asBoolean()).isTrue();
		assertThat(taskOf(incident).getDueDate()).as("a clock standing still has no due date").isNull();

		// three hours on hold, past the resolution's warning: nothing sounds
		this.clock.advance(Duration.ofHours(3));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> alarms(incident.id()) == 6);
		as("ivan",
				() -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));
		Instant resumedDue = Instant
			.parse(get("ivan", "/api/incidents/" + incident.id()).get("resolutionDueAt").asText());
		assertThat(resumedDue).as("the held time is not counted").isAfter(resolutionDue.plus(Duration.ofHours(2)));

		as("ivan", () -> this.incidentActions.changeStatus(incident.id(), IncidentStatus.CLOSED,
				new TransitionDetails(null, "Reset the port", null)));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.runtime.createProcessInstanceQuery()
				.processDefinitionKey(SlaClockProcess.KEY)
				.processInstanceBusinessKey(String.valueOf(incident.id()))
				.count() == 0);
		this.clock.advance(Duration.ofDays(3));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> alarms(incident.id()) == 6);
	}

	@Test
	void anIncidentOpenBeforeItsClockGetsOneFromItsHistoryAndThePastIsRecordedWithoutMail() {
		this.clock.moveTo(MONDAY_MORNING.plus(Duration.ofDays(7)));
		IncidentView incident = criticalIncident();
		Instant opened = openedAt(incident.id());
		// as if opened before service levels: no clock, no due dates
		this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(SlaClockProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(incident.id()))
			.list()
			.forEach((clock) -> this.runtime.deleteProcessInstance(clock.getId(), "before service levels"));
		this.jdbc.update("update incident set response_due_at = null, resolution_due_at = null where id = ?",
				incident.id());
		this.clock.moveTo(opened.plus(Duration.ofMinutes(40)));

		this.watch.clockOpenIncidents();

		assertThat(alarms(incident.id())).as("warning, breach, escalation level 1").isEqualTo(3);
		assertThat(activities(incident.id()))
			.allMatch((row) -> row.endsWith("(before the incident's clock started: not mailed)"));
		assertThat(Instant.parse(get("olga", "/api/incidents/" + incident.id()).get("responseDueAt").asText()))
			.isEqualTo(opened.plus(Duration.ofMinutes(30)));
		this.clock.moveTo(opened.plus(Duration.ofMinutes(46)));
		awaitAlarms(incident.id(), 4);
		Map<String, Mailbox.Mail> mails = Mailbox.awaitAbout(greenMail, incident.id(), 2 + 1);
		assertThat(mails.keySet()).as("only the level that came after the clock started is mailed")
			.contains("<incident-" + incident.id() + ".sla.response-escalation-2@helpdesk.telecom.example>")
			.noneMatch((id) -> id.contains(".sla.response-warning") || id.contains(".sla.response-breach"));

		this.watch.clockOpenIncidents();
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(SlaClockProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(incident.id()))
			.count()).as("a second start gives no second clock").isOne();
	}

	@Test
	void eachLevelSoundsOnceAlsoWhenTheAppIsDownBetweenTwoLevels() {
		this.clock.moveTo(MONDAY_MORNING.plus(Duration.ofDays(14)));
		IncidentView incident = criticalIncident();
		Instant opened = openedAt(incident.id());
		this.clock.moveTo(opened.plus(Duration.ofMinutes(38)));
		awaitAlarms(incident.id(), 3);

		// this app goes down: its job executor stops; level 2 falls due meanwhile
		JobExecutor jobs = ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration())
			.getJobExecutor();
		jobs.shutdown();
		try {
			this.clock.moveTo(opened.plus(Duration.ofMinutes(46)));
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> alarms(incident.id()) == 3);

			// another app comes up on the same database: it keeps the moved time, sounds
			// level 2 once, and level 3 when it falls due
			try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(CrmApplication.class)
				.initializers(new PostgresDatabases())
				.run("--crm.clock.controllable=true", "--" + PostgresDatabases.OWN_DATABASE + "=" + DATABASE,
						"--server.port=0", "--camunda.bpm.process-engine-name=slarestart")) {
				awaitAlarms(incident.id(), 4);
				restarted.getBean(AppClock.class).moveTo(opened.plus(Duration.ofMinutes(53)));
				awaitAlarms(incident.id(), 5);
			}
		}
		finally {
			jobs.start();
		}
		// and the first app again, for the last level
		this.clock.moveTo(opened.plus(Duration.ofMinutes(61)));
		awaitAlarms(incident.id(), 6);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> alarms(incident.id()) == 6);

		assertThat(activities(incident.id())).filteredOn((row) -> row.startsWith("SLA_ESCALATED"))
			.extracting((row) -> row.substring(0, row.indexOf(',')))
			.containsExactly("SLA_ESCALATED RESPONSE level 1 ENGINEER", "SLA_ESCALATED RESPONSE level 2 GROUP_MANAGER",
					"SLA_ESCALATED RESPONSE level 3 AGENT_MANAGER", "SLA_ESCALATED RESPONSE level 4 HEAD_OF_SUPPORT");
		Map<String, Mailbox.Mail> mails = Mailbox.awaitAbout(greenMail, incident.id(), 2 + 6);
		assertThat(mails.keySet()).filteredOn((id) -> id.contains(".sla.response-escalation-"))
			.containsExactlyInAnyOrder(
					"<incident-" + incident.id() + ".sla.response-escalation-1@helpdesk.telecom.example>",
					"<incident-" + incident.id() + ".sla.response-escalation-2@helpdesk.telecom.example>",
					"<incident-" + incident.id() + ".sla.response-escalation-3@helpdesk.telecom.example>",
					"<incident-" + incident.id() + ".sla.response-escalation-4@helpdesk.telecom.example>");
	}

	@Test
	void anImportOfPoliciesMovesTheOpenClocks() {
		this.clock.moveTo(MONDAY_MORNING.plus(Duration.ofDays(21)));
		IncidentView incident = criticalIncident();
		Instant opened = openedAt(incident.id());
		SlaSetup before = this.sla.setup();
		try {
			// service 1001 at CRITICAL: a response within 60 working minutes instead of
			// 30
			this.sla.replace(new SlaSetup(before.calendars(), before.groupCalendars(), before.helpdeskCalendar(), before
				.policies()
				.stream()
				.map((policy) -> (Integer.valueOf(1001).equals(policy.service())
						&& "CRITICAL".equals(policy.priority()))
								? new SlaSetup.PolicyEntry(policy.service(), policy.priority(), 60,
										policy.resolutionMinutes(), policy.warnAt(), policy.escalation())
								: policy)
				.toList()));

			await().atMost(Duration.ofSeconds(15))
				.until(() -> Instant.parse(get("olga", "/api/incidents/" + incident.id()).get("responseDueAt").asText())
					.equals(opened.plus(Duration.ofMinutes(60))));
			assertThat(taskOf(incident).getDueDate().toInstant()).as("the Tasklist task's due date moved with it")
				.isEqualTo(opened.plus(Duration.ofMinutes(60)).truncatedTo(ChronoUnit.MILLIS));
			// the warning at 75 % of 60 minutes, not of 30: nothing at 23 minutes
			this.clock.moveTo(opened.plus(Duration.ofMinutes(23)));
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> alarms(incident.id()) == 0);
			this.clock.moveTo(opened.plus(Duration.ofMinutes(46)));
			awaitAlarms(incident.id(), 1);
			assertThat(activities(incident.id()))
				.containsExactly("SLA_WARNING RESPONSE, due at " + opened.plus(Duration.ofMinutes(60)));
		}
		finally {
			this.sla.replace(before);
		}
	}

	private IncidentView criticalIncident() {
		ServiceRequestView request = as("anna", () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "The node is down", Priority.CRITICAL)));
		return as("anna", () -> this.requests.openIncident(request.id(), 1001));
	}

	private Instant openedAt(long incidentId) {
		return this.jdbc
			.queryForObject("select created_at from status where incident_id = ? and old_status is null",
					java.sql.Timestamp.class, incidentId)
			.toInstant();
	}

	private void awaitAlarms(long incidentId, int count) {
		await().atMost(Duration.ofSeconds(15)).until(() -> alarms(incidentId) >= count);
		assertThat(alarms(incidentId)).isEqualTo(count);
	}

	private int alarms(long incidentId) {
		return this.jdbc.queryForObject("select count(*) from incident_sla_alarm where incident_id = ?", Integer.class,
				incidentId);
	}

	private List<String> activities(long incidentId) {
		return this.jdbc.queryForList(
				"select kind || ' ' || details from activity where entity_type = 'INCIDENT' and entity_id = ? "
						+ "and kind like 'SLA_%' order by id",
				String.class, incidentId);
	}

	private Task taskOf(IncidentView incident) {
		return this.tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).singleResult();
	}

	private JsonNode get(String user, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class).getBody();
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

}
