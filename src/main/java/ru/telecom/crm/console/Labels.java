package ru.telecom.crm.console;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.servicerequest.RequestStatus;

/**
 * The words a person reads for the codes the console shows:
 * {@code ${@labels.requestStatus(r.status)}} and the like, in the page's language.
 * Request and incident statuses have keys of their own because Russian gives them the
 * item's gender ("Закрыта" заявка, "Закрыт" инцидент). A code without a label (a kind
 * added elsewhere and not yet named) shows as itself rather than breaking the page;
 * {@code LabelsTests} fails the build for every such code.
 */
@Component("labels")
class Labels {

	/** The codes with labels, each by its message key prefix. */
	enum Kind {

		REQUEST_STATUS("request.status."), INCIDENT_STATUS("incident.status."), CHANNEL("channel."),
		CLOSE_REASON("reason."), PRIORITY("priority."), ACTIVITY("activity.");

		final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}

	}

	private final MessageSource messages;

	Labels(MessageSource messages) {
		this.messages = messages;
	}

	/** A request's or an incident's status, each in its item's grammatical gender. */
	public String status(Object code) {
		if (code instanceof IncidentStatus) {
			return incidentStatus(code);
		}
		if (code instanceof RequestStatus) {
			return requestStatus(code);
		}
		throw new IllegalArgumentException("Not a status of a request or an incident: " + code);
	}

	public String requestStatus(Object code) {
		return label(Kind.REQUEST_STATUS, code);
	}

	public String incidentStatus(Object code) {
		return label(Kind.INCIDENT_STATUS, code);
	}

	public String channel(Object code) {
		return label(Kind.CHANNEL, code);
	}

	public String reason(Object code) {
		return label(Kind.CLOSE_REASON, code);
	}

	public String priority(Object code) {
		return label(Kind.PRIORITY, code);
	}

	public String activity(Object code) {
		return label(Kind.ACTIVITY, code);
	}

	String label(Kind kind, Object code) {
		return label(kind, code, LocaleContextHolder.getLocale());
	}

	String label(Kind kind, Object code, Locale locale) {
		if (code == null || code.toString().isEmpty()) {
			return "";
		}
		String name = (code instanceof Enum<?> value) ? value.name() : code.toString();
		return this.messages.getMessage(kind.prefix + name, null, name, locale);
	}

}
