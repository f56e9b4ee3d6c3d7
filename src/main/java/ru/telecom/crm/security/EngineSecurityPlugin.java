package ru.telecom.crm.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.stereotype.Component;

/**
 * What the engine itself does for DESIGN §3, whichever door a call comes through: task
 * grants that follow the queue ({@link QueueAuthorizationProvider}), the grants of a
 * process shared with the processes it starts ({@link SharedInstanceGrants}) and failures
 * kept for the doors to explain ({@link EngineFailures}).
 */
@Component
class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new QueueAuthorizationProvider());
		List<BpmnParseListener> parseListeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		parseListeners.add(new SharedInstanceGrants());
		configuration.setCustomPostBPMNParseListeners(parseListeners);
		configuration.setCustomPreCommandInterceptorsTxRequired(
				withFailures(configuration.getCustomPreCommandInterceptorsTxRequired()));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				withFailures(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
	}

	private static List<CommandInterceptor> withFailures(List<CommandInterceptor> interceptors) {
		List<CommandInterceptor> all = new ArrayList<>();
		all.add(new EngineFailures());
		if (interceptors != null) {
			all.addAll(interceptors);
		}
		return all;
	}

}
