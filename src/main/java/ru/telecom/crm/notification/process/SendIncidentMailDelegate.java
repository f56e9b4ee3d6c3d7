package ru.telecom.crm.notification.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.notification.IncidentMailProcess;
import ru.telecom.crm.notification.MailKind;
import ru.telecom.crm.notification.NotificationApi;
import ru.telecom.crm.notification.SlaAlarmMail;
import ru.telecom.crm.shared.EngineCalls;

/**
 * Sends the mails of one incident event, in turn. Runs as an asynchronous job: a mail
 * server that is down fails it and the engine retries it with backoff. A mail's event key
 * is the mail process and the mail's kind, the same on every retry; a mail already
 * recorded as sent is not sent again. When a later mail of the event fails after an
 * earlier one went out, the job does not fail (its retry would send the first again): it
 * records the first and hands each mail left to a mail process of its own, with the event
 * key it was tried with.
 */
@Component
class SendIncidentMailDelegate implements JavaDelegate {

	private final NotificationApi notifications;

	private final IncidentApi incidents;

	private final RuntimeService runtime;

	SendIncidentMailDelegate(NotificationApi notifications, IncidentApi incidents, RuntimeService runtime) {
		this.notifications = notifications;
		this.incidents = incidents;
		this.runtime = runtime;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long incidentId = incidentOf(execution);
		Object event = execution.getVariable(IncidentMailProcess.MAIL_EVENT);
		if (event == null) {
			MailKind kind = MailKind.valueOf((String) execution.getVariable(IncidentMailProcess.MAIL_KIND));
			Object handedOver = execution.getVariable(IncidentMailProcess.EVENT_KEY);
			if (kind == MailKind.SLA_ALARM) {
				this.notifications.sendSlaMail(incidentId,
						SlaAlarmMail.parse((String) execution.getVariable(IncidentMailProcess.SLA_ALARM)),
						handedOver.toString());
				return;
			}
			this.notifications.sendIncidentMail(kind, incidentId,
					(handedOver != null) ? handedOver.toString() : eventKey(incidentId, kind, execution));
			return;
		}
		List<MailKind> mails = MailKind.valueOf(event.toString()).mailsOfEvent();
		for (int i = 0; i < mails.size(); i++) {
			try {
				this.notifications.sendIncidentMail(mails.get(i), incidentId,
						eventKey(incidentId, mails.get(i), execution));
			}
			catch (MailException ex) {
				if (i == 0) {
					throw ex;
				}
				mails.subList(i, mails.size()).forEach((mail) -> handOver(execution, incidentId, mail));
				return;
			}
		}
	}

	private void handOver(DelegateExecution execution, long incidentId, MailKind mail) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(IncidentMailProcess.INCIDENT_ID, incidentId);
		variables.put(IncidentMailProcess.MAIL_KIND, mail.name());
		variables.put(IncidentMailProcess.EVENT_KEY, eventKey(incidentId, mail, execution));
		EngineCalls.asApp(() -> this.runtime.startProcessInstanceByKey(IncidentMailProcess.KEY,
				execution.getProcessBusinessKey(), variables));
	}

	private static String eventKey(long incidentId, MailKind kind, DelegateExecution execution) {
		return "incident-" + incidentId + "." + kind.name().toLowerCase() + "." + execution.getProcessInstanceId();
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
