package ru.telecom.crm.notification.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.mail.MailException;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.catalog.ServiceView;
import ru.telecom.crm.catalog.WorkGroupView;
import ru.telecom.crm.customer.ClientView;
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.directory.Directory;
import ru.telecom.crm.directory.DirectoryUser;
import ru.telecom.crm.directory.Role;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.notification.MailKind;
import ru.telecom.crm.notification.NotificationApi;
import ru.telecom.crm.notification.SlaAlarmMail;
import ru.telecom.crm.servicerequest.ServiceRequestApi;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.status.StatusRecorder;
import ru.telecom.crm.status.StatusRecorder.EntityType;

@Service
@Transactional
class MailService implements NotificationApi {

	private final MailDeliveryRepository deliveries;

	private final JavaMailSender sender;

	private final MailSettings settings;

	private final IncidentApi incidents;

	private final ServiceRequestApi requests;

	private final CustomerApi customers;

	private final CatalogApi catalog;

	private final Directory directory;

	private final StatusRecorder history;

	private final Clock clock;

	private final MeterRegistry meters;

	private static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

	private final MailTexts texts = new MailTexts();

	private final Session session = Session.getInstance(new Properties());

	MailService(MailDeliveryRepository deliveries, JavaMailSender sender, MailSettings settings, IncidentApi incidents,
			ServiceRequestApi requests, CustomerApi customers, CatalogApi catalog, Directory directory,
			StatusRecorder history, Clock clock, MeterRegistry meters) {
		this.meters = meters;
		this.deliveries = deliveries;
		this.sender = sender;
		this.settings = settings;
		this.incidents = incidents;
		this.requests = requests;
		this.customers = customers;
		this.catalog = catalog;
		this.directory = directory;
		this.history = history;
		this.clock = clock;
	}

	@Override
	@Transactional(noRollbackFor = MailException.class)
	public boolean sendIncidentMail(MailKind kind, long incidentId, String eventKey) {
		if (this.deliveries.existsByEventKey(eventKey)) {
			return false;
		}
		IncidentView incident = this.incidents.find(incidentId)
			.orElseThrow(() -> new NotFoundException("Incident", incidentId));
		ClientView client = this.customers.findClient(incident.clientId()).orElseThrow();
		Letter letter = (kind == MailKind.REQUEST_RESOLVED) ? toClient(incident, client)
				: toStaff(kind, incident, client);
		String messageId = "<" + eventKey + "@" + this.settings.messageIdDomain() + ">";
		deliver(kind,
				new MailDelivery(eventKey, messageId, kind.name(), incidentId, String.join(", ", letter.to()),
						letter.text().subject(), this.clock.instant()),
				letter.to().isEmpty() ? null : message(messageId, letter));
		this.history.activity(EntityType.INCIDENT, incidentId, letter.to().isEmpty() ? "MAIL_SKIPPED" : "MAIL_SENT",
				CurrentActor.SYSTEM,
				kind + " to " + (letter.to().isEmpty() ? "nobody" : String.join(", ", letter.to())));
		return !letter.to().isEmpty();
	}

	@Override
	@Transactional(noRollbackFor = MailException.class)
	public boolean sendSlaMail(long incidentId, SlaAlarmMail alarm, String eventKey) {
		if (this.deliveries.existsByEventKey(eventKey)) {
			return false;
		}
		IncidentView incident = this.incidents.find(incidentId)
			.orElseThrow(() -> new NotFoundException("Incident", incidentId));
		ServiceView service = this.catalog.findServiceById(incident.serviceId()).orElseThrow();
		WorkGroupView group = this.catalog.findWorkGroupById(incident.workGroupId()).orElseThrow();
		Set<String> to = slaRecipients(alarm, incident, group);
		String template = "mail.sla." + alarm.kind().name().toLowerCase(Locale.ROOT) + "."
				+ alarm.target().name().toLowerCase(Locale.ROOT);
		ZoneId zone = this.settings.zone();
		Object[] args = { String.valueOf(incident.id()), service.name(), group.name(), incident.priority(),
				String.valueOf(incident.serviceRequestId()), (incident.assignee() != null) ? incident.assignee() : "-",
				DUE_FORMAT.withZone(zone).format(alarm.dueAt()), String.valueOf(alarm.level()),
				(alarm.escalation() != null) ? alarm.escalation().level().name() : "" };
		MailTexts.Text text = this.texts.of(template, this.settings.locale(), args);
		String messageId = "<" + eventKey + "@" + this.settings.messageIdDomain() + ">";
		deliver(MailKind.SLA_ALARM,
				new MailDelivery(eventKey, messageId, MailKind.SLA_ALARM.name(), incidentId, String.join(", ", to),
						text.subject(), this.clock.instant()),
				to.isEmpty() ? null : message(messageId, new Letter(to, text)));
		this.history.activity(EntityType.INCIDENT, incidentId, to.isEmpty() ? "MAIL_SKIPPED" : "MAIL_SENT",
				CurrentActor.SYSTEM,
				MailKind.SLA_ALARM + " " + alarm.target() + " " + alarm.kind()
						+ ((alarm.level() > 0) ? " " + alarm.level() : "") + " to "
						+ (to.isEmpty() ? "nobody" : String.join(", ", to)));
		return !to.isEmpty();
	}

	/**
	 * Who an alarm reaches: the warning the engineer (the group's manager while nobody is
	 * assigned), the breach the engineer and the group's manager, an escalation its
	 * level's person; the request agent's manager is the helpdesk's managers when the
	 * request has no agent.
	 */
	private Set<String> slaRecipients(SlaAlarmMail alarm, IncidentView incident, WorkGroupView group) {
		Set<String> to = new LinkedHashSet<>();
		Optional<String> engineer = emailOf(incident.assignee());
		switch (alarm.kind()) {
			case WARNING -> engineer.or(() -> emailOf(group.managerId())).ifPresent(to::add);
			case BREACH -> {
				engineer.ifPresent(to::add);
				emailOf(group.managerId()).ifPresent(to::add);
			}
			case ESCALATION -> {
				switch (alarm.escalation().level()) {
					case ENGINEER -> engineer.or(() -> emailOf(group.managerId())).ifPresent(to::add);
					case GROUP_MANAGER -> emailOf(group.managerId()).ifPresent(to::add);
					case AGENT_MANAGER -> {
						Optional<String> agentManager = this.requests.find(incident.serviceRequestId())
							.flatMap((request) -> Optional.ofNullable(request.assignee()))
							.flatMap(this.directory::findUser)
							.flatMap((agent) -> emailOf(agent.managerId()));
						if (agentManager.isPresent()) {
							to.add(agentManager.get());
						}
						else {
							this.directory.membersOf(Directory.HELPDESK_GROUP)
								.stream()
								.filter((user) -> user.hasRole(Role.HELP_DESK_MANAGER))
								.map(DirectoryUser::email)
								.filter((email) -> email != null && !email.isBlank())
								.forEach(to::add);
						}
					}
					case HEAD_OF_SUPPORT -> to.add(alarm.escalation().address());
				}
			}
		}
		return to;
	}

	/**
	 * Records the event's delivery, then sends its mail ({@code null}: nobody to mail).
	 * The record is written first: its unique event key makes a second run of the same
	 * job (one that outlived its lock and was taken again, or a retry racing it) wait for
	 * this one and fail once it commits, instead of sending the mail again. A mail the
	 * server refuses takes its record back, so that the retry sends it. The one window
	 * left is a crash between the server's accept and the commit: the retry sends it
	 * again, with the same Message-ID.
	 */
	private void deliver(MailKind kind, MailDelivery delivery, MimeMessage message) {
		this.deliveries.saveAndFlush(delivery);
		if (message == null) {
			return;
		}
		try {
			send(kind, message);
		}
		catch (MailException ex) {
			this.deliveries.delete(delivery);
			this.deliveries.flush();
			throw ex;
		}
	}

	/**
	 * Hands the mail to the server and counts the outcome in {@code crm_mails_total}: a
	 * mail that left is counted whether or not the delivery record commits.
	 */
	private void send(MailKind kind, MimeMessage message) {
		try {
			this.sender.send(message);
			counted(kind, "sent");
		}
		catch (MailException ex) {
			counted(kind, "failed");
			throw ex;
		}
	}

	private void counted(MailKind kind, String outcome) {
		Counter.builder("crm.mails")
			.description("Mails handed to the mail server (sent) or refused by it (failed), by kind")
			.tags("kind", kind.name(), "outcome", outcome)
			.register(this.meters)
			.increment();
	}

	/** A mail to staff: the incident, its client, its engineer and what was done. */
	private Letter toStaff(MailKind kind, IncidentView incident, ClientView client) {
		ServiceView service = this.catalog.findServiceById(incident.serviceId()).orElseThrow();
		WorkGroupView group = this.catalog.findWorkGroupById(incident.workGroupId()).orElseThrow();
		Set<String> to = new LinkedHashSet<>();
		switch (kind) {
			case INCIDENT_OPENED -> {
				emailOf(group.managerId()).ifPresent(to::add);
				Optional.ofNullable(group.email()).ifPresent(to::add);
			}
			case INCIDENT_ASSIGNED -> emailOf(incident.assignee()).ifPresent(to::add);
			case INCIDENT_CLOSED -> {
				this.requests.find(incident.serviceRequestId())
					.flatMap((request) -> this.directory.findUser(request.assignee()))
					.flatMap((agent) -> emailOf(agent.managerId()))
					.ifPresent(to::add);
				emailOf(group.managerId()).ifPresent(to::add);
			}
			default -> throw new IllegalArgumentException(kind + " is not a mail to staff");
		}
		Object[] args = { String.valueOf(incident.id()), service.name(), group.name(), incident.priority(),
				String.valueOf(incident.serviceRequestId()), client.displayName(), incident.assignee(),
				(incident.narrative() != null) ? incident.narrative() : "" };
		return new Letter(to,
				this.texts.of("mail.incident." + kind.name().toLowerCase(Locale.ROOT), this.settings.locale(), args));
	}

	/**
	 * The client's own mail: that its request is resolved, in the client's language, with
	 * nothing of the staff in it.
	 */
	private Letter toClient(IncidentView incident, ClientView client) {
		Set<String> to = (client.email() != null) ? Set.of(client.email()) : Set.of();
		return new Letter(to, this.texts.of("mail.client.request_resolved", this.settings.clientLocale(),
				String.valueOf(incident.serviceRequestId()), String.valueOf(incident.id())));
	}

	private Optional<String> emailOf(String userId) {
		return this.directory.findUser(userId).map(DirectoryUser::email).filter((email) -> !email.isBlank());
	}

	private MimeMessage message(String messageId, Letter letter) {
		try {
			MimeMessage message = new StableIdMimeMessage(this.session, messageId);
			message.setFrom(new InternetAddress(this.settings.from()));
			for (String recipient : letter.to()) {
				message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
			}
			message.setSubject(letter.text().subject(), StandardCharsets.UTF_8.name());
			message.setText(letter.text().body(), StandardCharsets.UTF_8.name());
			message.setSentDate(java.util.Date.from(this.clock.instant()));
			return message;
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Could not compose the mail " + messageId, ex);
		}
	}

	/** A mail's recipients and words. */
	private record Letter(Set<String> to, MailTexts.Text text) {
	}

}
