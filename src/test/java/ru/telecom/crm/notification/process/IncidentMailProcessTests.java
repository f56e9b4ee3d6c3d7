package ru.telecom.crm.notification.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.mail.MailSendException;

import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.notification.IncidentMailProcess;
import ru.telecom.crm.notification.MailKind;
import ru.telecom.crm.notification.NotificationApi;

import ru.telecom.crm.support.ProcessTestRetries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Every path of {@code IncidentMailProcess}, on the engine alone with the sender mocked,
 * and the mails an incident event queues and sends.
 */
@Deployment(resources = "processes/IncidentMailProcess.bpmn")
class IncidentMailProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("camunda-unit.cfg.xml")
		.build();

	private final List<String> sent = new ArrayList<>();

	private RuntimeException mailServerDown;

	@BeforeEach
	void mockSender() {
		ProcessTestRetries.register();
		Mocks.register("sendIncidentMailDelegate", (JavaDelegate) (execution) -> {
			if (this.mailServerDown != null) {
				throw this.mailServerDown;
			}
			this.sent
				.add(execution.getVariable(IncidentMailProcess.MAIL_KIND) + " " + execution.getProcessInstanceId());
		});
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@Test
	void theEngineKeepsOnlyTheFailuresOfAMailProcessInHistory() {
		// EngineTuning names the process below this module: the name must stay the
		// model's
		org.assertj.core.api.Assertions.assertThat(ru.telecom.crm.shared.EngineTuning.COURIER_PROCESSES)
			.contains(IncidentMailProcess.KEY);
	}

	@Test
	void theMailIsSentByAJobAfterTheRequestCommitted() {
		ProcessInstance mail = request();

		assertThat(mail).isWaitingAt(IncidentMailProcess.TASK_SEND_MAIL);
		assertThat(this.sent).isEmpty();

		execute(job(mail));

		assertThat(mail).isEnded().hasPassed("Event_MailSent");
		assertThat(this.sent).containsExactly("INCIDENT_OPENED " + mail.getId());
	}

	@Test
	void aMailServerThatIsDownDelaysTheMailWithBackoff() {
		this.mailServerDown = new IllegalStateException("SMTP server down");
		ProcessInstance mail = request();

		assertThatThrownBy(() -> managementService().executeJob(job(mail).getId())).hasMessageContaining("SMTP");

		// one more try per wait of the retry cycle (shared.JobRetries)
		assertThat(job(mail).getRetries()).isEqualTo(ProcessTestRetries.RETRIES);
		assertThat(job(mail).getDuedate()).isNotNull();
		this.mailServerDown = null;
		execute(job(mail));
		assertThat(mail).isEnded();
		assertThat(this.sent).hasSize(1);
	}

	/**
	 * The waits grow to two minutes and stay there, for two hours in all: a mail goes out
	 * at most two minutes after the mail server is back, and a server down for an hour
	 * makes no Cockpit incident.
	 */
	@Test
	void theWaitBetweenTriesGrowsToTwoMinutesAndStaysThereForTwoHours() {
		this.mailServerDown = new IllegalStateException("SMTP server down");
		ProcessInstance mail = request();
		String jobId = job(mail).getId();
		List<Duration> waits = new ArrayList<>();
		Date now = new Date(1_800_000_000_000L);
		try {
			for (int attempt = 1; attempt <= ProcessTestRetries.RETRIES; attempt++) {
				ClockUtil.setCurrentTime(now);
				assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("SMTP");
				Date due = job(mail).getDuedate();
				waits.add(Duration.ofMillis(due.getTime() - now.getTime()));
				now = due;
			}
		}
		finally {
			ClockUtil.reset();
		}

		assertThat(waits).startsWith(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
				Duration.ofMinutes(2));
		assertThat(waits).allSatisfy((wait) -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(2)));
		assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isGreaterThanOrEqualTo(Duration.ofHours(2));
		assertThat(job(mail).getRetries()).as("one try left").isOne();
		assertThat(runtimeService().createIncidentQuery().processInstanceId(mail.getId()).count()).isZero();
	}

	@Test
	void aMailThatKeepsFailingBecomesACockpitIncident() {
		this.mailServerDown = new IllegalStateException("SMTP server down");
		ProcessInstance mail = request();
		String jobId = job(mail).getId();

		// the first try and one per wait of the retry cycle
		for (int attempt = 1; attempt <= ProcessTestRetries.RETRIES + 1; attempt++) {
			assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("SMTP");
		}

		assertThat(job(mail).getRetries()).isZero();
		assertThat(runtimeService().createIncidentQuery().processInstanceId(mail.getId()).singleResult())
			.satisfies((incident) -> assertThat(incident.getIncidentMessage()).contains("SMTP server down"));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void closingAnIncidentQueuesOneProcessForTheManagersMailAndTheClients() {
		ProcessInstance incident = closeAnIncident();

		List<ProcessInstance> queued = queuedMails();
		assertThat(queued).singleElement().satisfies((mail) -> {
			assertThat(runtimeService().getVariable(mail.getId(), IncidentMailProcess.INCIDENT_PROCESS))
				.as("the incident is found through its process when the mail is sent")
				.isEqualTo(incident.getId());
			assertThat(runtimeService().getVariable(mail.getId(), IncidentMailProcess.MAIL_EVENT))
				.isEqualTo("INCIDENT_CLOSED");
		});
	}

	@Test
	void theEventsJobSendsEachOfItsMailsWithAKeyOfItsOwn() {
		SentMails mails = new SentMails();
		closeAnIncident();
		ProcessInstance mail = queuedMails().get(0);

		assertThat(mails.sent).as("nothing before the change commits and the job runs").isEmpty();
		execute(job(mail));

		assertThat(mail).isEnded();
		assertThat(mails.sent).containsExactly("INCIDENT_CLOSED incident-7.incident_closed." + mail.getId(),
				"REQUEST_RESOLVED incident-7.request_resolved." + mail.getId());
	}

	@Test
	void aLaterMailThatFailsIsHandedToAJobOfItsOwnSoTheFirstIsNeverSentTwice() {
		SentMails mails = new SentMails();
		mails.failing = MailKind.REQUEST_RESOLVED;
		closeAnIncident();
		ProcessInstance event = queuedMails().get(0);

		execute(job(event));

		assertThat(event).as("the event's job did not fail: its retry would mail the managers again").isEnded();
		assertThat(mails.sent).containsExactly("INCIDENT_CLOSED incident-7.incident_closed." + event.getId());
		ProcessInstance handedOver = queuedMails().get(0);
		assertThat(runtimeService().getVariable(handedOver.getId(), IncidentMailProcess.MAIL_KIND))
			.isEqualTo("REQUEST_RESOLVED");

		mails.failing = null;
		execute(job(handedOver));
		assertThat(mails.sent).as("with the key it was first tried with, so its Message-ID")
			.endsWith("REQUEST_RESOLVED incident-7.request_resolved." + event.getId());
	}

	@Test
	void aFirstMailThatFailsFailsTheJobWhichIsRetried() {
		SentMails mails = new SentMails();
		mails.failing = MailKind.INCIDENT_CLOSED;
		closeAnIncident();
		ProcessInstance event = queuedMails().get(0);

		assertThatThrownBy(() -> managementService().executeJob(job(event).getId())).hasMessageContaining("down");

		assertThat(job(event).getRetries()).isEqualTo(ProcessTestRetries.RETRIES);
		assertThat(queuedMails()).hasSize(1);
		assertThat(mails.sent).isEmpty();
	}

	/** The incident process's closing mail task, alone, as incident 7. */
	private ProcessInstance closeAnIncident() {
		Mocks.register("queueIncidentMailDelegate", new QueueIncidentMailDelegate(runtimeService()));
		BpmnModelInstance closing = Bpmn.createExecutableProcess("IncidentClosedMailTask")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("Task_MailIncidentClosed")
			.camundaDelegateExpression("${queueIncidentMailDelegate}")
			.camundaInputParameter(IncidentProcess.MAIL_KIND, MailKind.INCIDENT_CLOSED.name())
			.endEvent()
			.done();
		engine.manageDeployment(repositoryService().createDeployment()
			.addModelInstance("IncidentClosedMailTask.bpmn", closing)
			.deploy());
		return runtimeService().startProcessInstanceByKey("IncidentClosedMailTask", "7");
	}

	private List<ProcessInstance> queuedMails() {
		return runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(IncidentMailProcess.KEY)
			.processInstanceBusinessKey("7")
			.list();
	}

	/** The real send step, with incident 7 and a mail server that may refuse one kind. */
	private static final class SentMails {

		final List<String> sent = new ArrayList<>();

		MailKind failing;

		SentMails() {
			IncidentApi incidents = mock(IncidentApi.class);
			given(incidents.idOfProcess(anyString())).willReturn(7L);
			NotificationApi notifications = new NotificationApi() {
				@Override
				public boolean sendIncidentMail(MailKind kind, long incidentId, String eventKey) {
					if (kind == SentMails.this.failing) {
						throw new MailSendException("mail server down");
					}
					SentMails.this.sent.add(kind + " " + eventKey);
					return true;
				}

				@Override
				public boolean sendSlaMail(long incidentId, ru.telecom.crm.notification.SlaAlarmMail alarm,
						String eventKey) {
					SentMails.this.sent.add(MailKind.SLA_ALARM + " " + alarm.toText() + " " + eventKey);
					return true;
				}
			};
			Mocks.register("sendIncidentMailDelegate",
					new SendIncidentMailDelegate(notifications, incidents, runtimeService()));
		}

	}

	private ProcessInstance request() {
		return runtimeService().startProcessInstanceByKey(IncidentMailProcess.KEY, "7",
				Map.of(IncidentMailProcess.INCIDENT_ID, 7L, IncidentMailProcess.MAIL_KIND, "INCIDENT_OPENED"));
	}

}
