package ru.telecom.crm.servicerequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.telecom.crm.customer.IntakeParty;
import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.shared.IllegalTransitionException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.status.ActivityEntry;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.status.StatusRecorder.EntityType;
import ru.telecom.crm.support.AsUser;
import ru.telecom.crm.support.Mailbox;
import ru.telecom.crm.support.Mailbox.Mail;
import ru.telecom.crm.support.PostgresDatabases;
import ru.telecom.crm.support.PostgresIntegrationTest;
import ru.telecom.crm.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Requests driven through both processes on PostgreSQL by the demo users, with real mail
 * to GreenMail: every path of DESIGN §4, its exact status history and its exact mails.
 */
@PostgresIntegrationTest
class ServiceRequestLifecycleIntegrationTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(PostgresDatabases.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@Autowired
	RequestActions requests;

	@Autowired
	ServiceRequestApi requestApi;

	@Autowired
	IncidentActions incidents;

	@Autowired
	IncidentApi incidentApi;

	@Autowired
	StatusHistory history;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService tasks;

	private final JdbcTemplate legacy = PostgresDatabases.legacyWriter();

	@Test
	void caseOneRequestIsClosedByItsIncident() {
		closesByItsIncident(IntakeParty.of("+7 900 777-88-99", "ORD-3001"), 1, null);
	}

	@Test
	void caseTwoRequestIsClosedByItsIncident() {
		String code = freshCode();
		this.legacy.update(
				"insert into orders (order_no, cust_id, title, amount, created) values (?, 3, 'Extra IP', 90, current_date)",
				code);
		closesByItsIncident(IntakeParty.of("89007778899", code), 2, null);
	}

	@Test
	void caseThreeRequestIsClosedByItsIncident() {
		String phone = TestPhones.fresh();
		long custId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
		this.legacy.update(
				"insert into customers (cust_id, full_name, phone, email) values (?, 'Orlova Vera Ivanovna', ?, 'vera.orlova@example.com')",
				custId, phone);
		closesByItsIncident(IntakeParty.of(phone, freshCode()), 3, "vera.orlova@example.com");
	}

	@Test
	void caseFourRequestIsClosedByItsIncident() {
		closesByItsIncident(new IntakeParty(null, TestPhones.fresh(), "Belova", "Nina", null, "nina.b@example.com",
				freshCode(), "Home internet"), 4, "nina.b@example.com");
	}

	@Test
	void aChannelMessageIsAcknowledgedFirstAndBoundByTheAsynchronousLookup() {
		ServiceRequestView received = this.requests.receive(new ChannelMessage(Channel.SMS,
				"ORD-3001 internet down again", "+79007778899", "ORD-3001", "internet down again"));

		assertThat(received.status()).isEqualTo(RequestStatus.NEW);
		assertThat(received.rawMessage()).isEqualTo("ORD-3001 internet down again");
		assertThat(received.assignee()).isNull();
		ServiceRequestView bound = awaitRequest(received.id(), (request) -> request.clientId() != null);
		assertThat(bound.clientId())
			.isEqualTo(this.jdbc.queryForObject("select id from client where phone = '+79007778899'", Long.class));
		assertThat(this.history.activitiesOf(EntityType.SERVICE_REQUEST, received.id()))
			.extracting(ActivityEntry::kind, ActivityEntry::actorId)
			.containsExactly(tuple("CALLER_IDENTIFIED", "system"));

		// the agent who works a queue request takes it
		as("boris", () -> this.requests.closeWithoutIncident(received.id()));
		assertThat(this.history.ofServiceRequest(received.id()))
			.extracting(StatusEntry::oldStatus, StatusEntry::newStatus, StatusEntry::userId, StatusEntry::actorId)
			.containsExactly(tuple(null, "NEW", null, "system"), tuple("NEW", "CLOSED", "boris", "boris"));
		assertThat(this.requestApi.find(received.id()).orElseThrow().assignee()).isEqualTo("boris");
	}

	@Test
	void aMessageNobodyCanPlaceWaitsForAnAgentToIdentifyTheCaller() {
		ServiceRequestView received = this.requests
			.receive(new ChannelMessage(Channel.TELEGRAM, "hello, my tv is broken", null, null, "tv is broken"));
		awaitTask(received, ServiceRequestProcess.TASK_IDENTIFY_CALLER);

		assertThatThrownBy(() -> as("boris",
				() -> this.requests.identifyCaller(received.id(), IntakeParty.of("not a phone", "ORD-3001"))))
			.isInstanceOf(InvalidInputException.class);
		as("boris", () -> this.requests.identifyCaller(received.id(), IntakeParty.of("+79007778899", "ORD-3001")));

		assertThat(this.requestApi.find(received.id()).orElseThrow().clientId()).isNotNull();
		IncidentView incident = as("boris", () -> this.requests.openIncident(received.id(), 1002));
		assertThat(incident.serviceRequestId()).isEqualTo(received.id());
	}

	@Test
	void aRequestClosedWithoutAnIncidentSaysSo() {
		ServiceRequestView request = as("boris", () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Wrong number", null)));

		as("boris", () -> this.requests.closeWithoutIncident(request.id()));

		ServiceRequestView closed = this.requestApi.find(request.id()).orElseThrow();
		assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(closed.closeReason()).isEqualTo(CloseReason.NO_INCIDENT);
		assertThat(closed.closedAt()).isNotNull();
		assertThat(this.history.ofServiceRequest(request.id()))
			.extracting(StatusEntry::oldStatus, StatusEntry::newStatus, StatusEntry::userId, StatusEntry::actorId)
			.containsExactly(tuple(null, "NEW", "boris", "boris"), tuple("NEW", "CLOSED", "boris", "boris"));
	}

	@Test
	void unlinkingClosesTheRequestAndTheIncidentGoesOnAndStillNotifies() {
		ServiceRequestView request = as("anna", () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Billing question", null)));
		IncidentView incident = as("anna", () -> this.requests.openIncident(request.id(), 2001));
		as("elena", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.INWORK,
				new TransitionDetails("sergey", null, null)));

		as("sergey", () -> this.incidents.unlink(incident.id()));

		ServiceRequestView closed = this.requestApi.find(request.id()).orElseThrow();
		assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(closed.closeReason()).isEqualTo(CloseReason.INCIDENT_UNLINKED);
		IncidentView unlinked = this.incidentApi.find(incident.id()).orElseThrow();
		assertThat(unlinked.unlinkedAt()).isNotNull();
		assertThat(unlinked.serviceRequestId()).isEqualTo(request.id());
		assertThat(unlinked.status()).isEqualTo(IncidentStatus.INWORK);
		assertThatThrownBy(() -> as("sergey", () -> this.incidents.unlink(incident.id())))
			.isInstanceOf(IllegalTransitionException.class);

		as("sergey", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.CLOSED,
				new TransitionDetails(null, "Refund issued", null)));

		assertThat(this.history.ofServiceRequest(request.id())).extracting(StatusEntry::newStatus)
			.containsExactly("NEW", "IN_PROGRESS", "CLOSED");
		assertThat(this.history.ofIncident(incident.id())).extracting(StatusEntry::newStatus)
			.containsExactly("NEW", "ASSIGNED", "INWORK", "CLOSED");
		Map<String, Mail> mails = Mailbox.awaitAbout(greenMail, incident.id(), 2 + 1 + 2);
		assertThat(mails.values()).extracting(Mail::subject)
			.contains("[Incident #" + incident.id() + "] Closed: Billing dispute");
	}

	@Test
	void anIncidentGoesOnHoldAndBackBeforeClosing() {
		IncidentView incident = openedIncident();
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));

		assertThatThrownBy(() -> as("ivan",
				() -> this.incidents.changeStatus(incident.id(), IncidentStatus.ON_HOLD, TransitionDetails.NONE)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("waits for");
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.ON_HOLD,
				new TransitionDetails(null, null, "Customer is away until Monday")));
		assertThat(this.incidentApi.find(incident.id()).orElseThrow().holdReason())
			.isEqualTo("Customer is away until Monday");
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));
		assertThatThrownBy(() -> as("ivan",
				() -> this.incidents.changeStatus(incident.id(), IncidentStatus.CLOSED, TransitionDetails.NONE)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("narrative");
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.CLOSED,
				new TransitionDetails(null, "Router replaced", null)));

		assertThat(this.history.ofIncident(incident.id())).extracting(StatusEntry::newStatus)
			.containsExactly("NEW", "ASSIGNED", "INWORK", "ON_HOLD", "INWORK", "CLOSED");
		assertThat(this.incidentApi.find(incident.id()).orElseThrow().narrative()).isEqualTo("Router replaced");
	}

	@Test
	void unassigningReturnsTheIncidentToTheQueueAndReassigningKeepsTheStatus() {
		IncidentView incident = openedIncident();

		as("olga", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("petr", null, null)));
		as("petr", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.NEW, TransitionDetails.NONE));
		as("petr", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));

		IncidentView taken = this.incidentApi.find(incident.id()).orElseThrow();
		assertThat(taken.assignee()).isEqualTo("petr");
		assertThat(this.history.ofIncident(incident.id()))
			.extracting(StatusEntry::oldStatus, StatusEntry::newStatus, StatusEntry::userId, StatusEntry::actorId)
			.containsExactly(tuple(null, "NEW", null, "anna"), tuple("NEW", "ASSIGNED", "ivan", "olga"),
					tuple("ASSIGNED", "NEW", null, "petr"), tuple("NEW", "ASSIGNED", "petr", "petr"),
					tuple("ASSIGNED", "INWORK", "petr", "petr"));
		assertThat(this.history.activitiesOf(EntityType.INCIDENT, incident.id()))
			.extracting(ActivityEntry::kind, ActivityEntry::actorId, ActivityEntry::details)
			.contains(tuple("REASSIGNED", "olga", "ivan -> petr"));
	}

	@Test
	void everyTransitionTheMachineDoesNotAllowIsRefusedAndChangesNothing() {
		long requestId = openRequest("anna").id();
		IncidentView incident = as("anna", () -> this.requests.openIncident(requestId, 1002));
		assertRefused(incident, IncidentStatus.ON_HOLD, IncidentStatus.CLOSED, IncidentStatus.NEW);
		as("olga", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		assertRefused(incident, IncidentStatus.ON_HOLD, IncidentStatus.CLOSED);
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));
		assertRefused(incident, IncidentStatus.NEW, IncidentStatus.INWORK);
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.ON_HOLD,
				new TransitionDetails(null, null, "waiting for parts")));
		assertRefused(incident, IncidentStatus.NEW, IncidentStatus.ON_HOLD);
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.CLOSED,
				new TransitionDetails(null, "Done", null)));
		assertRefused(incident, IncidentStatus.values());
		assertThatThrownBy(() -> as("ivan", () -> this.incidents.unlink(incident.id())))
			.isInstanceOf(IllegalTransitionException.class);

		assertThatThrownBy(() -> as("anna", () -> this.requests.closeWithoutIncident(requestId)))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> as("anna", () -> this.requests.openIncident(requestId, 1001)))
			.isInstanceOf(IllegalTransitionException.class);
		assertThat(this.history.ofServiceRequest(requestId)).extracting(StatusEntry::newStatus)
			.containsExactly("NEW", "IN_PROGRESS", "CLOSED");
	}

	@Test
	void anEngineerOfAnotherGroupCannotBeAssigned() {
		IncidentView incident = openedIncidentInQueue();

		assertThatThrownBy(() -> as("olga",
				() -> this.incidents.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
						new TransitionDetails("sergey", null, null))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("wg-100");

		assertThat(this.history.ofIncident(incident.id())).extracting(StatusEntry::newStatus).containsExactly("NEW");
	}

	@Test
	void anUnknownServiceIsRefusedAndTheRequestStaysNew() {
		ServiceRequestView request = openRequest("anna");

		assertThatThrownBy(() -> as("anna", () -> this.requests.openIncident(request.id(), 9999)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("9999");

		assertThat(this.requestApi.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.NEW);
		assertThat(this.history.ofServiceRequest(request.id())).hasSize(1);
	}

	private void closesByItsIncident(IntakeParty party, int lookupCase, String clientEmail) {
		String phone = "+7" + party.clientPhone().replaceAll("\\D", "").substring(1);
		boolean clientExisted = count("client where phone = ?", phone) == 1;
		boolean orderExisted = count("client_order where code = ?", party.orderCode()) == 1;

		ServiceRequestView request = as("anna",
				() -> this.requests.open(new OpenRequest(party, "No internet since the morning", null)));

		assertThat(request.status()).isEqualTo(RequestStatus.NEW);
		assertThat(request.assignee()).isEqualTo("anna");
		boolean fromLegacy = this.jdbc.queryForObject("select legacy_id is not null from client where id = ?",
				Boolean.class, request.clientId());
		int actualCase = clientExisted ? (orderExisted ? 1 : 2) : (fromLegacy ? 3 : 4);
		assertThat(actualCase).isEqualTo(lookupCase);

		IncidentView incident = as("anna", () -> this.requests.openIncident(request.id(), 1001));
		as("olga", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.INWORK, TransitionDetails.NONE));
		as("ivan", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.CLOSED,
				new TransitionDetails(null, "Replaced the ONT at the customer's flat", null)));

		ServiceRequestView closed = this.requestApi.find(request.id()).orElseThrow();
		assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(closed.closeReason()).isEqualTo(CloseReason.INCIDENT_CLOSED);
		assertThat(this.history.ofServiceRequest(request.id()))
			.extracting(StatusEntry::oldStatus, StatusEntry::newStatus, StatusEntry::userId, StatusEntry::actorId)
			.containsExactly(tuple(null, "NEW", "anna", "anna"), tuple("NEW", "IN_PROGRESS", "anna", "anna"),
					tuple("IN_PROGRESS", "CLOSED", "anna", "ivan"));
		assertThat(this.history.ofIncident(incident.id()))
			.extracting(StatusEntry::oldStatus, StatusEntry::newStatus, StatusEntry::userId, StatusEntry::actorId)
			.containsExactly(tuple(null, "NEW", null, "anna"), tuple("NEW", "ASSIGNED", "ivan", "olga"),
					tuple("ASSIGNED", "INWORK", "ivan", "ivan"), tuple("INWORK", "CLOSED", "ivan", "ivan"));

		String id = String.valueOf(incident.id());
		// closing mails the managers, and the client (when it has an email) apart
		List<Mail> expected = new ArrayList<>(List.of(
				new Mail("[Incident #" + id + "] New NORMAL incident for Home internet: choose an engineer",
						List.of("noc@example.com", "olga@telecom.example")),
				new Mail("[Incident #" + id + "] Assigned to you: Home internet", List.of("ivan@telecom.example")),
				new Mail("[Incident #" + id + "] Closed: Home internet",
						List.of("maria@telecom.example", "olga@telecom.example"))));
		if (clientEmail != null) {
			expected.add(new Mail("Ваше обращение №" + request.id() + " решено", List.of(clientEmail)));
		}
		int copies = expected.stream().mapToInt((mail) -> mail.to().size()).sum();
		Map<String, Mail> mails = Mailbox.awaitAbout(greenMail, incident.id(), copies);
		assertThat(mails.values()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(mails.keySet()).allMatch((messageId) -> messageId.startsWith("<incident-" + id + "."));
		assertThat(Mailbox.copiesAbout(greenMail, incident.id())).isEqualTo(copies);
	}

	private int count(String tableAndCondition, Object argument) {
		return this.jdbc.queryForObject("select count(*) from " + tableAndCondition, Integer.class, argument);
	}

	private void assertRefused(IncidentView incident, IncidentStatus... targets) {
		List<StatusEntry> before = this.history.ofIncident(incident.id());
		for (IncidentStatus target : targets) {
			assertThatThrownBy(() -> as("ivan",
					() -> this.incidents.changeStatus(incident.id(), target,
							new TransitionDetails(null, "narrative", "reason"))))
				.as("to %s", target)
				.isInstanceOf(IllegalTransitionException.class);
		}
		assertThat(this.history.ofIncident(incident.id())).isEqualTo(before);
	}

	private ServiceRequestView openRequest(String agent) {
		return as(agent, () -> this.requests
			.open(new OpenRequest(IntakeParty.of("+79007778899", "ORD-3001"), "Slow internet", null)));
	}

	private IncidentView openedIncidentInQueue() {
		long requestId = openRequest("anna").id();
		return as("anna", () -> this.requests.openIncident(requestId, 1001));
	}

	private IncidentView openedIncident() {
		IncidentView incident = openedIncidentInQueue();
		as("olga", () -> this.incidents.changeStatus(incident.id(), IncidentStatus.ASSIGNED,
				new TransitionDetails("ivan", null, null)));
		return incident;
	}

	private ServiceRequestView awaitRequest(long id, java.util.function.Predicate<ServiceRequestView> condition) {
		long deadline = System.currentTimeMillis() + 30_000;
		ServiceRequestView request = this.requestApi.find(id).orElseThrow();
		while (!condition.test(request) && System.currentTimeMillis() < deadline) {
			pause();
			request = this.requestApi.find(id).orElseThrow();
		}
		assertThat(condition.test(request)).as("request %s reached the expected state", id).isTrue();
		return request;
	}

	private void awaitTask(ServiceRequestView request, String taskKey) {
		long deadline = System.currentTimeMillis() + 30_000;
		while (this.tasks.createTaskQuery()
			.processInstanceId(request.processInstanceId())
			.taskDefinitionKey(taskKey)
			.count() == 0 && System.currentTimeMillis() < deadline) {
			pause();
		}
		assertThat(this.tasks.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult())
			.satisfies((task) -> assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey));
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private <T> T as(String user, Supplier<T> work) {
		return new AsUser(this.identity).get(user, work);
	}

	private void as(String user, Runnable work) {
		new AsUser(this.identity).run(user, work);
	}

	private static String freshCode() {
		return "LC-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
	}

}
