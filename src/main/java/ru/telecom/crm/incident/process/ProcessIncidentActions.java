package ru.telecom.crm.incident.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.incident.IncidentActions;
import ru.telecom.crm.incident.IncidentApi.TransitionDetails;
import ru.telecom.crm.incident.IncidentLifecycle;
import ru.telecom.crm.incident.IncidentProcess;
import ru.telecom.crm.incident.IncidentProcess.Decision;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.incident.domain.IncidentTransitions;
import ru.telecom.crm.shared.CurrentActor;
import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.shared.IllegalTransitionException;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.shared.OpenTasks;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.shared.PriorityChange;
import ru.telecom.crm.shared.TaskHeadings;

@Service
@Transactional
class ProcessIncidentActions implements IncidentActions {

	private final IncidentTransitions incidents;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final CurrentActor actor;

	private final ProcessEngine engine;

	private final OpenTasks openTasks;

	ProcessIncidentActions(IncidentTransitions incidents, ProcessEngine engine, CurrentActor actor,
			OpenTasks openTasks) {
		this.incidents = incidents;
		this.openTasks = openTasks;
		this.engine = engine;
		this.tasks = engine.getTaskService();
		this.runtime = engine.getRuntimeService();
		this.actor = actor;
	}

	@Override
	public void changeStatus(long id, IncidentStatus target, TransitionDetails details) {
		EngineCalls.asApp(this.engine, () -> {
			change(id, target, details);
			return null;
		});
	}

	@Override
	public IncidentView changePriority(long id, Priority priority, String reason) {
		PriorityChange change = PriorityChange.of(priority, reason);
		IncidentView changed = this.incidents.changePriority(id, change, this.actor.id());
		// the task's priority and name are the incident's (TaskHeadings)
		// and its due date the incident's clocks, read again under the new priority
		this.openTasks.priorityChanged(changed.processInstanceId(), TaskHeadings.INCIDENT, id, changed.priority(),
				changed.dueAt());
		return changed;
	}

	@Override
	public List<IncidentStatus> nextStatuses(long id) {
		return EngineCalls.asApp(this.engine, () -> {
			Task task = openTask(incident(id));
			if (task == null) {
				return List.of();
			}
			return IncidentLifecycle.targetsAt(task.getTaskDefinitionKey());
		});
	}

	private IncidentView incident(long id) {
		return this.incidents.find(id).orElseThrow(() -> new NotFoundException("Incident", id));
	}

	/** The task the incident's process waits at, if it is open. */
	private Task openTask(IncidentView incident) {
		return (incident.status() == IncidentStatus.CLOSED) ? null
				: this.tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).singleResult();
	}

	private void change(long id, IncidentStatus target, TransitionDetails details) {
		IncidentView incident = incident(id);
		Task task = openTask(incident);
		if (task == null) {
			throw new IllegalTransitionException("Incident", id, incident.status(), target);
		}
		if (target == IncidentStatus.ASSIGNED && incident.status() != IncidentStatus.NEW) {
			// a reassignment: the assignment listener checks and records it
			this.tasks.setAssignee(task.getId(), details.engineer());
			return;
		}
		Decision decision = IncidentLifecycle.decisionTo(task.getTaskDefinitionKey(), target)
			.orElseThrow(() -> new IllegalTransitionException("Incident", id, incident.status(), target));
		Map<String, Object> variables = new HashMap<>();
		variables.put(IncidentProcess.DECISION, decision.name());
		if (details.engineer() != null) {
			variables.put(IncidentProcess.ENGINEER, details.engineer());
		}
		else if (decision == Decision.ASSIGN_AND_START) {
			// an engineer who takes it from the queue and starts at once
			variables.put(IncidentProcess.ENGINEER, this.actor.id());
		}
		if (details.narrative() != null) {
			variables.put(IncidentProcess.NARRATIVE, details.narrative());
		}
		if (details.holdReason() != null) {
			variables.put(IncidentProcess.HOLD_REASON, details.holdReason());
		}
		this.tasks.complete(task.getId(), variables);
	}

	@Override
	public void unlink(long id) {
		IncidentView incident = incident(id);
		if (incident.status() == IncidentStatus.CLOSED || !incident.isLinked()) {
			throw new IllegalTransitionException("Incident " + id + " is "
					+ (incident.isLinked() ? "CLOSED" : "already unlinked") + " and cannot be unlinked");
		}
		EngineCalls.asApp(this.engine,
				() -> this.runtime.createMessageCorrelation(IncidentProcess.MESSAGE_UNLINK)
					.processInstanceId(incident.processInstanceId())
					.correlateWithResult());
	}

}
