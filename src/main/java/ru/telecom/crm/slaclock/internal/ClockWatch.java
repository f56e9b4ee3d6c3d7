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
import ru.telecom.crm.shared.AfterCommit;
import ru.telecom.crm.shared.EngineCalls;
import ru.telecom.crm.sla.SlaSetupReplaced;
import ru.telecom.crm.slaclock.SlaClockProcess;
import ru.telecom.crm.status.ActivityKind;
import ru.telecom.crm.status.ActivityRecorded;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusRecorded;
import ru.telecom.crm.status.StatusRecorder.EntityType;

/**
 * Keeps each incident's clock process in step with the incident, in the transaction of
 * the change: starts it when the incident opens (if it has a service level), and sends it
 * a change when a status that moves a clock ({@code INWORK}, {@code ON_HOLD},
 * {@code CLOSED}) or the priority changes. Assigning moves no clock and costs nothing.
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

	private final RuntimeService runtime;

	private final ProcessEngine engine;

	private final TransactionTemplate transactions;

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "sla-clocks");
		thread.setDaemon(true);
		return thread;
	});

	ClockWatch(IncidentApi incidents, ProcessEngine engine, PlatformTransactionManager transactions) {
		this.incidents = incidents;
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
			start(entry.incidentId(), false);
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
		AfterCommit.run(() -> this.background.execute(() -> forEachOpenIncident((ids, clocked) -> {
			for (long id : ids) {
				this.incidents.readClocksAgain(id);
				if (clocked.contains(String.valueOf(id))) {
					changed(id);
				}
				else {
					// a service level it did not have: its past is recorded, not mailed
					start(id, true);
				}
			}
		})));
	}

	/** Gives every open incident without a clock its clock, read from its history. */
	@EventListener(ApplicationReadyEvent.class)
	void clockOpenIncidents() {
		forEachOpenIncident((ids, clocked) -> {
			for (long id : ids) {
				if (!clocked.contains(String.valueOf(id))) {
					this.incidents.readClocksAgain(id);
					start(id, true);
				}
			}
		});
	}

	/**
	 * Starts the incident's clock; an incident without a service level gets none.
	 * @param backfill whether the incident was open before: the alarms of its past are
	 * recorded without mail
	 */
	void start(long incidentId, boolean backfill) {
		if (this.incidents.clocks(incidentId).isEmpty()) {
			return;
		}
		inEngine(() -> this.runtime.startProcessInstanceByKey(SlaClockProcess.KEY, String.valueOf(incidentId),
				Variables.createVariables()
					.putValueTyped(SoundSlaAlarmsDelegate.BACKFILL, Variables.booleanValue(backfill, true))));
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

	private void forEachOpenIncident(OpenBatch action) {
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
		int done = 0;
		while (true) {
			List<Long> ids = this.incidents.openIds(after, BATCH);
			if (ids.isEmpty()) {
				break;
			}
			this.transactions.executeWithoutResult((status) -> action.run(ids, clocked));
			after = ids.get(ids.size() - 1);
			done += ids.size();
		}
		if (done > 0) {
			log.info("SLA clocks checked for {} open incidents", done);
		}
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

	@FunctionalInterface
	private interface OpenBatch {

		void run(List<Long> ids, Set<String> clocked);

	}

}
