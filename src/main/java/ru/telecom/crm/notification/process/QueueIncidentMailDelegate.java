package ru.telecom.crm.notification.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.notification.IncidentMailProcess;
import ru.telecom.crm.notification.MailKind;
import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.shared.StepSettings;

/**
 * Queues the incident mails of the event the task's {@code mailKind} names: starts one
 * mail process for the event in this transaction, so its mails are sent after the change
 * commits, or not at all; each mail has its own event key and Message-ID (the managers'
 * and the client's mail about a closed incident are two).
 */
@Component
class QueueIncidentMailDelegate implements JavaDelegate {

	private final RuntimeService runtime;

	QueueIncidentMailDelegate(RuntimeService runtime) {
		this.runtime = runtime;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MailKind event = MailKind.valueOf(StepSettings.required(execution, IncidentProcess.MAIL_KIND));
		// the incident is found when the mail is sent, through its process: the link the
		// app wrote, not a variable (its process may be starting right now)
		String incidentProcess = execution.getProcessInstanceId();
		EngineCalls.asApp(() -> this.runtime.startProcessInstanceByKey(IncidentMailProcess.KEY,
				execution.getProcessBusinessKey(), Map.of(IncidentMailProcess.INCIDENT_PROCESS, incidentProcess,
						IncidentMailProcess.MAIL_EVENT, event.name())));
	}

}
