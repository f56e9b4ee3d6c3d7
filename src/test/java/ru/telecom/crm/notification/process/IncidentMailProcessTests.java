package ru.telecom.crm.notification.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
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

import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.notification.IncidentMailProcess;
import ru.telecom.crm.notification.MailKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * Every path of {@code IncidentMailProcess}, on the engine alone with the sender mocked,
 * and the mails an incident event queues.
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

		// one more try per retry interval of the model: PT10S, PT30S, PT1M, PT5M, PT15M,
		// PT30M, PT1H
		assertThat(job(mail).getRetries()).isEqualTo(7);
		assertThat(job(mail).getDuedate()).isNotNull();
		this.mailServerDown = null;
		execute(job(mail));
		assertThat(mail).isEnded();
		assertThat(this.sent).hasSize(1);
	}

	@Test
	void aMailThatKeepsFailingBecomesACockpitIncident() {
		this.mailServerDown = new IllegalStateException("SMTP server down");
		ProcessInstance mail = request();
		String jobId = job(mail).getId();

		// the first try and one per retry interval
		for (int attempt = 1; attempt <= 8; attempt++) {
			assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("SMTP");
		}

		assertThat(job(mail).getRetries()).isZero();
		assertThat(runtimeService().createIncidentQuery().processInstanceId(mail.getId()).singleResult())
			.satisfies((incident) -> assertThat(incident.getIncidentMessage()).contains("SMTP server down"));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void closingAnIncidentQueuesTheManagersMailAndTheClientsApartEachAProcessOfItsOwn() {
		Mocks.register("queueIncidentMailDelegate", new QueueIncidentMailDelegate(runtimeService()));
		// the incident process's mail task, alone
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

		ProcessInstance incident = runtimeService().startProcessInstanceByKey("IncidentClosedMailTask", "7");

		List<ProcessInstance> queued = runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(IncidentMailProcess.KEY)
			.processInstanceBusinessKey("7")
			.list();
		assertThat(queued).hasSize(2)
			.allSatisfy((mail) -> assertThat(
					runtimeService().getVariable(mail.getId(), IncidentMailProcess.INCIDENT_PROCESS))
				.as("the incident is found through its process when the mail is sent")
				.isEqualTo(incident.getId()));
		List<String> expected = queued.stream()
			.map((mail) -> runtimeService().getVariable(mail.getId(), IncidentMailProcess.MAIL_KIND) + " "
					+ mail.getId())
			.toList();
		assertThat(this.sent).as("nothing before the change commits and the jobs run").isEmpty();
		queued.forEach((mail) -> execute(job(mail)));
		assertThat(this.sent).containsExactlyInAnyOrderElementsOf(expected)
			.extracting((mail) -> mail.split(" ")[0])
			.containsExactlyInAnyOrder("INCIDENT_CLOSED", "REQUEST_RESOLVED");
	}

	private ProcessInstance request() {
		return runtimeService().startProcessInstanceByKey(IncidentMailProcess.KEY, "7",
				Map.of(IncidentMailProcess.INCIDENT_ID, 7L, IncidentMailProcess.MAIL_KIND, "INCIDENT_OPENED"));
	}

}
