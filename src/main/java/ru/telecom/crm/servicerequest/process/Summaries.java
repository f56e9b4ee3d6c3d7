package ru.telecom.crm.servicerequest.process;

import org.camunda.bpm.engine.delegate.VariableScope;

import ru.telecom.crm.customer.ClientView;
import ru.telecom.crm.customer.CustomerApi;
import ru.telecom.crm.customer.IntakeResolution;
import ru.telecom.crm.customer.OrderView;
import ru.telecom.crm.shared.ProcessLinks;

import static ru.telecom.crm.servicerequest.ServiceRequestProcess.CLIENT_SUMMARY;
import static ru.telecom.crm.servicerequest.ServiceRequestProcess.ORDER_SUMMARY;

/**
 * One-line texts of the bound client and order, kept as process variables: Camunda Forms
 * cannot call the backend, so what a task's form shows the delegates put there.
 */
final class Summaries {

	private Summaries() {
	}

	static void bind(VariableScope scope, CustomerApi customers, IntakeResolution found) {
		customers.findClient(found.clientId()).ifPresent((client) -> {
			scope.setVariable(CLIENT_SUMMARY, of(client));
			// the tasks' names carry it (TaskHeadings)
			scope.setVariable(ProcessLinks.CLIENT_NAME, client.shortName());
		});
		customers.findOrder(found.orderId())
			.map(Summaries::of)
			.ifPresent((text) -> scope.setVariable(ORDER_SUMMARY, text));
	}

	static String of(ClientView client) {
		return client.displayName() + ", " + client.phone() + ((client.email() != null) ? ", " + client.email() : "");
	}

	static String of(OrderView order) {
		return order.code() + ((order.name() != null) ? " " + order.name() : "")
				+ ((order.price() != null) ? ", " + order.price().toPlainString() : "");
	}

}
