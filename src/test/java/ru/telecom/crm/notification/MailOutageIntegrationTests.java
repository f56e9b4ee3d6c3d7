package ru.telecom.crm.notification;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.Callable;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.support.Mailbox;
import ru.telecom.crm.support.Mailbox.Mail;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mail server goes down: mail waits and retries, none is lost, none is sent twice.
 */
@PostgresIntegrationTest
class MailOutageIntegrationTests {

	private final GreenMail greenMail = new GreenMail(
			new ServerSetup(PostgresDatabases.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	RequestActions requests;

	@Autowired
	NotificationApi notifications;

	@Autowired
	IdentityService identity;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void stopMailServer() {
		this.greenMail.stop();
	}

	@Test
	void anOutageDelaysTheMailButLosesNoneAndSendsNoneTwice() {
		IncidentView incident = openIncidentWhileTheMailServerIsDown();
		Job mail = failedMailJob(incident);
		assertThat(mail.getRetries()).isPositive();
		assertThat(deliveriesOf(incident)).isZero();

		this.greenMail.start();
		this.management.setJobDuedate(mail.getId(), new Date());

		Map<String, Mail> mails = Mailbox.awaitAbout(this.greenMail, incident.id(), 2);
		assertThat(mails.values()).singleElement()
			.satisfies((sent) -> assertThat(sent.to()).containsExactly("noc@example.com", "olga@telecom.example"));
		assertThat(deliveriesOf(incident)).isOne();

		String eventKey = this.jdbc.queryForObject("select event_key from mail_delivery where incident_id = ?",
				String.class, incident.id());
		assertThat(this.notifications.sendIncidentMail(MailKind.INCIDENT_OPENED, incident.id(), eventKey)).isFalse();
		assertThat(Mailbox.awaitAbout(this.greenMail, incident.id(), 2)).hasSize(1);
		assertThat(Mailbox.copiesAbout(this.greenMail, incident.id())).isEqualTo(2);

		// a mail process's history is its failures only (EngineTuning.LeanFullHistory)
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(mail.getProcessInstanceId())
			.count()).isZero();
		assertThat(this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(mail.getProcessInstanceId())
			.count()).isZero();
		assertThat(this.history.createHistoricJobLogQuery().jobId(mail.getId()).list())
			.allSatisfy((log) -> assertThat(log.isFailureLog()).isTrue())
			.isNotEmpty();
	}

	@Test
	void aMailThatFinallyFailsIsACockpitIncident() {
		IncidentView incident = openIncidentWhileTheMailServerIsDown();
		Job mail = failedMailJob(incident);

		this.management.setJobRetries(mail.getId(), 1);
		this.management.setJobDuedate(mail.getId(), new Date());

		waitFor(() -> this.runtime.createIncidentQuery().processInstanceId(mail.getProcessInstanceId()).count() == 1);
		assertThat(this.runtime.createIncidentQuery().processInstanceId(mail.getProcessInstanceId()).singleResult())
			.satisfies((failure) -> {
				assertThat(failure.getIncidentType()).isEqualTo("failedJob");
				assertThat(failure.getActivityId()).isEqualTo(IncidentMailProcess.TASK_SEND_MAIL);
			});
		assertThat(deliveriesOf(incident)).isZero();

		// in Cockpit the work group's manager sees the failed job and retries it; an
		// agent may not
		String failed = this.runtime.createIncidentQuery()
			.processInstanceId(mail.getProcessInstanceId())
			.singleResult()
			.getId();
		this.identity.setAuthentication("anna", java.util.List.of("helpdesk"));
		try {
			assertThat(this.runtime.createIncidentQuery().incidentId(failed).count()).isZero();
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.management.setJobRetries(mail.getId(), 1))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		}
		finally {
			this.identity.clearAuthentication();
		}
		this.identity.setAuthentication("olga", java.util.List.of("wg-100"));
		try {
			assertThat(this.runtime.createIncidentQuery().incidentId(failed).count()).isOne();
			this.management.setJobRetries(mail.getId(), 1);
		}
		finally {
			this.identity.clearAuthentication();
		}
		assertThat(this.runtime.createIncidentQuery().incidentId(failed).count()).as("resolved by the retry").isZero();
	}

	private IncidentView openIncidentWhileTheMailServerIsDown() {
		this.identity.setAuthenticatedUserId("anna");
		try {
			ServiceRequestView request = this.requests
				.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "TV is down", null));
			return this.requests.openIncident(request.id(), 1002);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	/** The incident's mail job, once the job executor tried it and failed. */
	private Job failedMailJob(IncidentView incident) {
		String mailProcess = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(IncidentMailProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(incident.id()))
			.singleResult()
			.getId();
		waitFor(() -> {
			Job job = this.management.createJobQuery().processInstanceId(mailProcess).singleResult();
			return job != null && job.getExceptionMessage() != null;
		});
		return this.management.createJobQuery().processInstanceId(mailProcess).singleResult();
	}

	private int deliveriesOf(IncidentView incident) {
		return this.jdbc.queryForObject("select count(*) from mail_delivery where incident_id = ?", Integer.class,
				incident.id());
	}

	private static void waitFor(Callable<Boolean> condition) {
		await().atMost(Duration.ofSeconds(30)).until(condition);
	}

}
