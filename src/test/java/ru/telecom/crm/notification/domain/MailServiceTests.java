package ru.telecom.crm.notification.domain;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.ServiceView;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.customer.ClientView;
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.notification.MailKind;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.CloseReason;
import ru.telecom.crm.servicerequest.RequestStatus;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.servicerequest.ServiceRequestView;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.status.StatusRecorder;
import ru.telecom.crm.status.StatusRecorder.EntityType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Who gets which mail about a closed incident and what it says, with the other modules
 * mocked: the managers theirs, the client one of its own with nothing of the staff in it.
 */
class MailServiceTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	private static final String NARRATIVE = "Replaced the ONT; the old one had water damage";

	private final MailDeliveryRepository deliveries = mock(MailDeliveryRepository.class);

	private final JavaMailSender sender = mock(JavaMailSender.class);

	private final IncidentApi incidents = mock(IncidentApi.class);

	private final ServiceRequestApi requests = mock(ServiceRequestApi.class);

	private final CustomerApi customers = mock(CustomerApi.class);

	private final CatalogApi catalog = mock(CatalogApi.class);

	private final Directory directory = mock(Directory.class);

	private final StatusRecorder history = mock(StatusRecorder.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final MailService mails = new MailService(this.deliveries, this.sender,
			new MailSettings("helpdesk@telecom.example", Locale.ENGLISH, Locale.forLanguageTag("ru"), "smtp",
					Path.of("target/mail"), "helpdesk.telecom.example", java.time.ZoneId.of("Europe/Moscow")),
			this.incidents, this.requests, this.customers, this.catalog, this.directory, this.history,
			Clock.fixed(NOW, ZoneOffset.UTC), this.meters);

	@BeforeEach
	void closedIncident() {
		given(this.incidents.find(1042))
			.willReturn(Optional.of(new IncidentView(1042, NOW, "anna", "ivan", NARRATIVE, 5, 6, Priority.HIGH, null,
					1077, 9, null, IncidentStatus.CLOSED, NOW, "p-1", null, null, null, null, false)));
		given(this.requests.find(1077)).willReturn(
				Optional.of(new ServiceRequestView(1077, NOW, "anna", Channel.PHONE, Priority.HIGH, "No internet",
						"anna", 9L, 10L, RequestStatus.CLOSED, CloseReason.INCIDENT_CLOSED, NOW, null, "p-0")));
		given(this.catalog.findServiceById(5))
			.willReturn(Optional.of(new ServiceView(5, 1001, "Home internet", 6, 100, false)));
		given(this.catalog.findWorkGroupById(6))
			.willReturn(Optional.of(new WorkGroupView(6, 100, "Network operations", "noc@example.com", "olga", false)));
		client("nina.b@example.com");
		given(this.directory.findUser(anyString())).willReturn(Optional.empty());
		user("anna", "maria");
		user("maria", null);
		user("olga", null);
		user("ivan", "olga");
	}

	@Test
	void theClientGetsAMailOfItsOwnWithNothingOfTheStaffInIt() throws Exception {
		assertThat(this.mails.sendIncidentMail(MailKind.REQUEST_RESOLVED, 1042, "incident-1042.request_resolved.p-2"))
			.isTrue();

		MimeMessage mail = sent();
		assertThat(recipients(mail)).containsExactly("nina.b@example.com");
		assertThat(mail.getMessageID()).isEqualTo("<incident-1042.request_resolved.p-2@helpdesk.telecom.example>");
		assertThat(mail.getSubject()).isEqualTo("Ваше обращение №1077 решено");
		assertThat((String) mail.getContent()).contains("обращение №1077 решено", "инцидент №1042")
			.doesNotContain("telecom.example", "noc@", "maria", "olga", "ivan", NARRATIVE, "Network operations");
	}

	@Test
	void theManagersClosingMailIsTheirsAloneWithTheEngineerAndTheNarrative() throws Exception {
		assertThat(this.mails.sendIncidentMail(MailKind.INCIDENT_CLOSED, 1042, "incident-1042.incident_closed.p-3"))
			.isTrue();

		MimeMessage mail = sent();
		assertThat(recipients(mail)).containsExactly("maria@telecom.example", "olga@telecom.example");
		assertThat(mail.getSubject()).isEqualTo("[Incident #1042] Closed: Home internet");
		assertThat((String) mail.getContent()).contains("Engineer: ivan", NARRATIVE, "Service request: #1077");
	}

	@Test
	void mailsSentAndFailedAreCountedByKind() {
		this.mails.sendIncidentMail(MailKind.INCIDENT_CLOSED, 1042, "incident-1042.incident_closed.p-3");
		willThrow(new MailSendException("the server is down")).given(this.sender).send(any(MimeMessage.class));

		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> this.mails
			.sendIncidentMail(MailKind.REQUEST_RESOLVED, 1042, "incident-1042.request_resolved.p-2"));

		assertThat(this.meters.counter("crm.mails", "kind", "INCIDENT_CLOSED", "outcome", "sent").count()).isEqualTo(1);
		assertThat(this.meters.counter("crm.mails", "kind", "REQUEST_RESOLVED", "outcome", "failed").count())
			.isEqualTo(1);
		assertThat(this.meters.find("crm.mails").tag("outcome", "sent").tag("kind", "REQUEST_RESOLVED").counter())
			.isNull();
	}

	@Test
	void aMailAlreadyRecordedIsNeverSentAgain() {
		given(this.deliveries.existsByEventKey("incident-1042.request_resolved.p-2")).willReturn(true);

		assertThat(this.mails.sendIncidentMail(MailKind.REQUEST_RESOLVED, 1042, "incident-1042.request_resolved.p-2"))
			.isFalse();

		verify(this.sender, never()).send(any(MimeMessage.class));
		verify(this.deliveries, never()).saveAndFlush(any());
	}

	@Test
	void theEventIsClaimedBeforeItsMailIsSentSoThatASecondRunOfTheJobWaitsForTheFirst() {
		this.mails.sendIncidentMail(MailKind.INCIDENT_CLOSED, 1042, "incident-1042.incident_closed.p-3");

		InOrder order = inOrder(this.deliveries, this.sender);
		order.verify(this.deliveries).saveAndFlush(any(MailDelivery.class));
		order.verify(this.sender).send(any(MimeMessage.class));
		verify(this.deliveries, never()).delete(any());
	}

	@Test
	void aMailTheServerRefusedGivesItsEventBackForTheRetry() {
		willThrow(new MailSendException("the server is down")).given(this.sender).send(any(MimeMessage.class));

		assertThatExceptionOfType(MailSendException.class).isThrownBy(
				() -> this.mails.sendIncidentMail(MailKind.INCIDENT_CLOSED, 1042, "incident-1042.incident_closed.p-3"));

		ArgumentCaptor<MailDelivery> claimed = ArgumentCaptor.forClass(MailDelivery.class);
		InOrder order = inOrder(this.deliveries, this.sender);
		order.verify(this.deliveries).saveAndFlush(claimed.capture());
		order.verify(this.sender).send(any(MimeMessage.class));
		order.verify(this.deliveries).delete(claimed.getValue());
		order.verify(this.deliveries).flush();
		verify(this.history, never()).activity(any(), anyLong(), anyString(), anyString(), anyString());
	}

	@Test
	void aClientWithoutAnEmailGetsNoMailAndTheEventIsRecordedAsSkipped() {
		client(null);

		assertThat(this.mails.sendIncidentMail(MailKind.REQUEST_RESOLVED, 1042, "incident-1042.request_resolved.p-4"))
			.isFalse();

		verify(this.sender, never()).send(any(MimeMessage.class));
		verify(this.deliveries).saveAndFlush(any(MailDelivery.class));
		verify(this.history).activity(eq(EntityType.INCIDENT), eq(1042L), eq("MAIL_SKIPPED"), anyString(),
				eq("REQUEST_RESOLVED to nobody"));
	}

	private void client(String email) {
		given(this.customers.findClient(9)).willReturn(
				Optional.of(new ClientView(9, "Belova", "Nina", null, "+79001234567", email, null, null, null, 0)));
	}

	private void user(String id, String managerId) {
		given(this.directory.findUser(id)).willReturn(
				Optional.of(new DirectoryUser(id, id, id, id + "@telecom.example", managerId, Set.of(), Set.of())));
	}

	private MimeMessage sent() throws MessagingException {
		ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
		verify(this.sender).send(sent.capture());
		MimeMessage mail = sent.getValue();
		mail.saveChanges();
		return mail;
	}

	private static List<String> recipients(MimeMessage mail) throws MessagingException {
		return Arrays.stream(mail.getAllRecipients()).map(Address::toString).sorted().toList();
	}

}
