package ru.telecom.crm.servicerequest.process;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;

import org.springframework.stereotype.Component;

import ru.telecom.crm.catalog.CatalogApi;

/**
 * Gives the qualify task the services an incident may be opened for, as the catalog has
 * them now: a JSON list that Tasklist hands to the form's service choice (Camunda Forms
 * cannot ask the backend, and a list written into the form would not follow the catalog).
 */
@Component
class ServiceChoicesListener implements TaskListener {

	/**
	 * The task variable the QualifyRequest form's service select reads its options from.
	 */
	static final String SERVICE_CHOICES = "serviceChoices";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final CatalogApi catalog;

	ServiceChoicesListener(CatalogApi catalog) {
		this.catalog = catalog;
	}

	@Override
	public void notify(DelegateTask task) {
		List<Choice> choices = this.catalog.activeServices()
			.stream()
			.map((service) -> new Choice(service.code() + " " + service.name(), service.code()))
			.toList();
		try {
			task.setVariableLocal(SERVICE_CHOICES, SpinValues.jsonValue(JSON.writeValueAsString(choices)).create());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The service list could not be written as JSON", ex);
		}
	}

	/** One option of a Camunda Forms select. */
	record Choice(String label, int value) {
	}

}
