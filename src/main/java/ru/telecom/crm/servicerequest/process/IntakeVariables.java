package ru.telecom.crm.servicerequest.process;

import org.camunda.bpm.engine.delegate.VariableScope;

import ru.telecom.crm.customer.IntakeParty;

import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_EMAIL;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_FIRST_NAME;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_ID;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_LAST_NAME;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_MIDDLE_NAME;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_PHONE;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.ORDER_CODE;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.ORDER_NAME;

/** Reads what the process carries, whatever type a form or the REST API gave it. */
final class IntakeVariables {

	private IntakeVariables() {
	}

	static IntakeParty partyOf(VariableScope scope) {
		return new IntakeParty(longOrNull(scope.getVariable(CLIENT_ID)), text(scope, CLIENT_PHONE),
				text(scope, CLIENT_LAST_NAME), text(scope, CLIENT_FIRST_NAME), text(scope, CLIENT_MIDDLE_NAME),
				text(scope, CLIENT_EMAIL), text(scope, ORDER_CODE), text(scope, ORDER_NAME));
	}

	static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return (value != null && !value.toString().isBlank()) ? value.toString() : null;
	}

	static Long longOrNull(Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		return (value instanceof Number number) ? number.longValue() : Long.valueOf(value.toString().strip());
	}

}
