package ru.telecom.crm.slaclock.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.incident.IncidentStatus;
import ru.telecom.crm.incident.IncidentView;
import ru.telecom.crm.shared.AfterCommit;
import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.shared.OpenTasks;
import ru.telecom.crm.sla.SlaSetupReplaced;
import ru.telecom.crm.slaclock.SlaClockProcess;
import ru.telecom.crm.status.ActivityKind;
import ru.telecom.crm.status.ActivityRecorded;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusRecorded;
import ru.telecom.crm.status.StatusRecorder.EntityType;

/**
 * Keeps each incident's clock process in step with the incident: starts it in the
 * transaction that opens the incident (if it has a service level), and sends it a change
 * after the commit of a status that moves a clock ({@code INWORK}, {@code ON_HOLD},
 * {@code CLOSED}) or of a priority change. Assigning moves no clock and costs nothing.
 * <p>
 * Incidents open before their clocks existed (the first start after service levels
 * landed) get one at start, read from their history; an import of calendars and policies
 * moves every open clock, in batches after the import commits.
 */
@Component
class ClockWatch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ClockWatch.class);

	private static final int BATCH = 200;

	private final IncidentApi incidents;

	private final OpenTasks openTasks;

	private final RuntimeService runtime;

	private final ProcessEngine engine;

	private final TransactionTemplate transactions;

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "sla-clocks");
		thread.setDaemon(true);
		return thread;
	});

	ClockWatch(IncidentApi incidents, OpenTasks openTasks, ProcessEngine engine,
			PlatformTransactionManager transactions) {
		this.incidents = incidents;
		this.openTasks = openTasks;
		this.engine = engine;
		this.runtime = engine.getRuntimeService();
		this.transactions = new TransactionTemplate(transactions);
	}

	@EventListener
	void on(StatusRecorded recorded) {
		StatusEntry entry = recorded.entry();
		if (entry.incidentId() == null) {
			return;
		}
		if (entry.oldStatus() == null) {
			start(entry.incidentId());
		}
		else if (!IncidentStatus.ASSIGNED.name().equals(entry.newStatus())
				&& !IncidentStatus.NEW.name().equals(entry.newStatus())) {
			changed(entry.incidentId());
		}
	}

	@EventListener
	void on(ActivityRecorded recorded) {
		if (recorded.entry().entityType() == EntityType.INCIDENT
				&& ActivityKind.PRIORITY_CHANGED.name().equals(recorded.entry().kind())) {
			changed(recorded.entry().entityId());
		}
	}

	@EventListener
	void on(SlaSetupReplaced replaced) {
		AfterCommit.run(() -> this.background.execute(() -> forEachOpenIncident("moved", (id, clocked) -> {
			if (!readAgain(id)) {
				return;
			}
			if (clocked) {
				changed(id);
			}
			else {
				// a service level it did not have: its past is recorded, not mailed
				startIfNone(id);
			}
		})));
	}

	/** Gives every open incident without a clock its clock, read from its history. */
	@EventListener(ApplicationReadyEvent.class)
	void clockOpenIncidents() {
		forEachOpenIncident("checked", (id, clocked) -> {
			if (!clocked && readAgain(id)) {
				startIfNone(id);
			}
		});
	}

	/**
	 * Reads the incident's clocks again; its tasks take its due instant.
	 * @return whether it has a service level
	 */
	private boolean readAgain(long incidentId) {
		IncidentView incident = this.incidents.readClocksAgain(incidentId);
		this.openTasks.dueChanged(incident.processInstanceId(), incident.dueAt());
		return incident.responseDueAt() != null;
	}

	/**
	 * Starts the clock of an incident that has just opened, if it has a service level; in
	 * the transaction of its opening, so that no incident opens without its clock.
	 */
	void start(long incidentId) {
		if (this.incidents.hasServiceLevel(incidentId)) {
			inEngine(() -> startClock(incidentId, false));
		}
	}

	/**
	 * Starts the clock of an incident that was open before it had a service level, unless
	 * one started meanwhile (another node's pass, an import's): the alarms of its past
	 * are recorded without mail. Two passes at one instant may still start two; the alarm
	 * ledger sounds each alarm once all the same.
	 */
	private void startIfNone(long incidentId) {
		EngineCalls.asApp(this.engine, () -> {
			long running = this.runtime.createProcessInstanceQuery()
				.processDefinitionKey(SlaClockProcess.KEY)
				.processInstanceBusinessKey(String.valueOf(incidentId))
				.count();
			return (running == 0) ? startClock(incidentId, true) : null;
		});
	}

	private ProcessInstance startClock(long incidentId, boolean backfill) {
		return this.runtime.startProcessInstanceByKey(SlaClockProcess.KEY, String.valueOf(incidentId),
				Variables.createVariables()
					.putValueTyped(SoundSlaAlarmsDelegate.BACKFILL, Variables.booleanValue(backfill, true)));
	}

	/**
	 * Moves the incident's clock, if it has one: after the change commits, on a thread of
	 * its own, so that a clock busy with its timer never fails the person's change (two
	 * changes at once may each want it). A correlation that collides is tried again; one
	 * that is lost all the same (the app stopping meanwhile) is made up for by the
	 * clock's next look, at most {@code crm.sla.clock-recheck} later.
	 */
	void changed(long incidentId) {
		AfterCommit.run(() -> this.background.execute(() -> correlate(incidentId)));
	}

	private void correlate(long incidentId) {
		for (int attempt = 1;; attempt++) {
			try {
				EngineCalls.asApp(this.engine,
						() -> this.runtime.createMessageCorrelation(SlaClockProcess.MESSAGE_CHANGED)
							.processInstanceBusinessKey(String.valueOf(incidentId))
							.correlateAllWithResult());
				return;
			}
			catch (RuntimeException ex) {
				if (attempt >= 5) {
					log.warn("The clock of incident {} was not moved ({}): its next look will", incidentId,
							ex.toString());
					return;
				}
				sleepQuietly(50L * attempt);
			}
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** An engine call from a listener: inside the engine's command if there is one. */
	private <T> T inEngine(java.util.function.Supplier<T> call) {
		return (Context.getCommandContext() != null) ? EngineCalls.asApp(call) : EngineCalls.asApp(this.engine, call);
	}

	/**
	 * Runs the action for each open incident, each in a transaction of its own: one that
	 * fails is logged and the others go on (its clock's next look, or the next start,
	 * makes up for it).
	 */
	private void forEachOpenIncident(String done, OpenIncidentAction action) {
		Set<String> clocked = new HashSet<>();
		for (int first = 0;; first += 1000) {
			int from = first;
			List<ProcessInstance> page = EngineCalls.asApp(this.engine,
					() -> this.runtime.createProcessInstanceQuery()
						.processDefinitionKey(SlaClockProcess.KEY)
						.orderByProcessInstanceId()
						.asc()
						.listPage(from, 1000));
			page.forEach((clock) -> clocked.add(clock.getBusinessKey()));
			if (page.size() < 1000) {
				break;
			}
		}
		long after = 0;
		int seen = 0;
		int failed = 0;
		while (true) {
			List<Long> ids = this.incidents.openIds(after, BATCH);
			if (ids.isEmpty()) {
				break;
			}
			for (long id : ids) {
				try {
					this.transactions
						.executeWithoutResult((status) -> action.run(id, clocked.contains(String.valueOf(id))));
				}
				catch (RuntimeException ex) {
					failed++;
					log.warn("The SLA clock of incident {} was not {}: {}", id, done, ex.toString());
				}
			}
			after = ids.get(ids.size() - 1);
			seen += ids.size();
		}
		if (seen > 0) {
			log.info("SLA clocks {} for {} open incidents ({} failed)", done, seen, failed);
		}
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

	@FunctionalInterface
	private interface OpenIncidentAction {

		void run(long incidentId, boolean clocked);

	}

}
