package ru.telecom.crm.notification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import ru.telecom.crm.notification.IncidentMailProcess;
import ru.telecom.crm.notification.MailKind;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.notification.NotificationApi;

/**
 * Sends one incident mail. Runs as an asynchronous job: a mail server that is down fails
 * it and the engine retries it with backoff. The event key is the mail's own process
 * instance, the same on every retry.
 */
@Component
class SendIncidentMailDelegate implements JavaDelegate {

	private final NotificationApi notifications;

	private final IncidentApi incidents;

	SendIncidentMailDelegate(NotificationApi notifications, IncidentApi incidents) {
		this.notifications = notifications;
		this.incidents = incidents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MailKind kind = MailKind.valueOf((String) execution.getVariable(IncidentMailProcess.MAIL_KIND));
		long incidentId = incidentOf(execution);
		String eventKey = "incident-" + incidentId + "." + kind.name().toLowerCase() + "."
				+ execution.getProcessInstanceId();
		this.notifications.sendIncidentMail(kind, incidentId, eventKey);
	}

	/**
	 * The incident linked to the process that queued the mail; a mail queued before that
	 * link was passed names its incident itself.
	 */
	private long incidentOf(DelegateExecution execution) {
		Object process = execution.getVariable(IncidentMailProcess.INCIDENT_PROCESS);
		return (process != null) ? this.incidents.idOfProcess(process.toString())
				: ((Number) execution.getVariable(IncidentMailProcess.INCIDENT_ID)).longValue();
	}

}
