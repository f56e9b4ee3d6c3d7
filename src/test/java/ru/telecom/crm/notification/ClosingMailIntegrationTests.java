package ru.telecom.crm.notification;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.servicerequest.OpenRequest;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.Mailbox;
import ru.telecom.crm.support.Mailbox.Mail;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing an incident on the whole app, with real mail to GreenMail: the managers get
 * their mail and the client one of its own, customer-facing and in Russian, each recorded
 * once with its own Message-ID.
 */
@PostgresIntegrationTest
class ClosingMailIntegrationTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(PostgresDatabases.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	private static final String NARRATIVE = "Replaced the ONT; the old one had water damage";

	@Autowired
	RequestActions requests;

	@Autowired
	IncidentActions incidents;

	@Autowired
	NotificationApi notifications;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theClientGetsAMailOfItsOwnWithNothingOfTheStaffAndTheManagersGetTheirs() {
		String email = "client." + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.com";
		ServiceRequestView request = as("anna", () -> this.requests.open(new OpenRequest(
				new IntakeParty(null, TestPhones.fresh(), "Belova", "Nina", null, email, freshCode(), "Home internet"),
				"No internet", null)));
		IncidentView incident = closedIncident(request);

		// opened: group manager and group email; assigned: the engineer; closed: two
		// managers; resolved: the client
		Map<String, Mail> mails = Mailbox.awaitAbout(greenMail, incident.id(), 2 + 1 + 2 + 1);

		String clientMail = messageIdTo(mails, List.of(email));
		String managersMail = messageIdTo(mails, List.of("maria@telecom.example", "olga@telecom.example"));
		assertThat(clientMail).isNotEqualTo(managersMail);
		assertThat(mails.get(clientMail).subject()).isEqualTo("Ваше обращение №" + request.id() + " решено");
		assertThat(Mailbox.textOf(greenMail, clientMail))
			.contains("обращение №" + request.id() + " решено", "инцидент №" + incident.id())
			.doesNotContain("telecom.example", "noc@example.com", "ivan", "olga", "maria", NARRATIVE,
					"Network operations");
		assertThat(mails.get(managersMail).subject())
			.isEqualTo("[Incident #" + incident.id() + "] Closed: Home internet");
		assertThat(Mailbox.textOf(greenMail, managersMail)).contains("Engineer: ivan", NARRATIVE);

		Map<String, String> recorded = recordedMails(incident);
		assertThat(recorded).containsOnlyKeys("INCIDENT_OPENED", "INCIDENT_ASSIGNED", "INCIDENT_CLOSED",
				"REQUEST_RESOLVED");
		assertThat(recorded.get("REQUEST_RESOLVED")).isEqualTo(clientMail);
		assertThat(recorded.get("INCIDENT_CLOSED")).isEqualTo(managersMail);
	}

	@Test
	void aRetriedClientMailIsNotSentAgain() {
		String email = "client." + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.com";
		ServiceRequestView request = as("anna",
				() -> this.requests.open(new OpenRequest(
						new IntakeParty(null, TestPhones.fresh(), "Orlov", "Ilya", null, email, freshCode(), null),
						"Slow", null)));
		IncidentView incident = closedIncident(request);
		Mailbox.awaitAbout(greenMail, incident.id(), 6);
		String eventKey = this.jdbc.queryForObject(
				"select event_key from mail_delivery where incident_id = ? and kind = 'REQUEST_RESOLVED'", String.class,
				incident.id());

		boolean sentAgain = this.notifications.sendIncidentMail(MailKind.REQUEST_RESOLVED, incident.id(), eventKey);

		assertThat(sentAgain).isFalse();
		assertThat(Mailbox.awaitAbout(greenMail, incident.id(), 6)).hasSize(4);
		assertThat(Mailbox.copiesAbout(greenMail, incident.id())).isEqualTo(6);
		assertThat(recordedMails(incident)).hasSize(4);
	}

	private IncidentView closedIncident(ServiceRequestView request) {
		IncidentView incident = as("anna", () -> this.requests.openIncident(request.id(), 1001));
		as("olga", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.CLOSED,
				new TransitionDetails(null, NARRATIVE, null)));
		return incident;
	}

	/** The Message-ID of the one mail that went to exactly these recipients. */
	private static String messageIdTo(Map<String, Mail> mails, List<String> to) {
		List<String> found = mails.entrySet()
			.stream()
			.filter((mail) -> mail.getValue().to().equals(to))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(found).as("mails to %s", to).hasSize(1);
		return found.get(0);
	}

	/** The recorded mails of the incident, kind to Message-ID; a kind twice fails. */
	private Map<String, String> recordedMails(IncidentView incident) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select kind, message_id from mail_delivery where incident_id = ?", incident.id());
		assertThat(rows).extracting((row) -> row.get("kind")).doesNotHaveDuplicates();
		return rows.stream()
			.collect(Collectors.toMap((row) -> (String) row.get("kind"), (row) -> (String) row.get("message_id")));
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

	private static String freshCode() {
		return "CM-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
	}

}
