package ru.telecom.crm.retention.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.telecom.crm.retention.RetentionSettings;

/**
 * The configured history time-to-live of a process key
 * ({@code crm.retention.history-time-to-live}) instead of its model's: set on each
 * definition as it is deployed, and at start on the definitions deployed before, whose
 * history already written then gets its removal time again (a batch, as Cockpit's "set
 * removal time" does). The BPMN files keep their own value: changing a model would need
 * its running instances migrated.
 */
@Component
class HistoryTimeToLive extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(HistoryTimeToLive.class);

	private final Map<String, Integer> days;

	private ProcessEngine engine;

	HistoryTimeToLive(RetentionSettings settings) {
		// keys from the environment come in lower case
		this.days = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		settings.historyTimeToLive().forEach((key, value) -> {
			if (value == null || value < 0) {
				throw new IllegalArgumentException(
						"crm.retention.history-time-to-live." + key + " must be a number of days, 0 or more");
			}
			this.days.put(key, value);
		});
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPreBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPreBPMNParseListeners());
		}
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
				Integer configured = HistoryTimeToLive.this.days.get(definition.getKey());
				if (configured != null) {
					definition.setHistoryTimeToLive(configured);
				}
			}
		});
		configuration.setCustomPreBPMNParseListeners(listeners);
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		this.engine = engine;
	}

	/** Every version of a configured key, deployed before this start, gets its time. */
	@EventListener(ApplicationReadyEvent.class)
	void applyToDeployedDefinitions() {
		if (this.days.isEmpty()) {
			return;
		}
		RepositoryService repository = this.engine.getRepositoryService();
		HistoryService history = this.engine.getHistoryService();
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
			Integer configured = this.days.get(definition.getKey());
			if (configured == null || configured.equals(definition.getHistoryTimeToLive())) {
				continue;
			}
			repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), configured);
			HistoricProcessInstanceQuery written = history.createHistoricProcessInstanceQuery()
				.processDefinitionId(definition.getId());
			if (written.count() > 0) {
				history.setRemovalTimeToHistoricProcessInstances()
					.calculatedRemovalTime()
					.byQuery(written)
					.hierarchical()
					.executeAsync();
			}
			log.info("History time-to-live of {} set to {} days (was {})", definition.getId(), configured,
					definition.getHistoryTimeToLive());
		}
	}

}
