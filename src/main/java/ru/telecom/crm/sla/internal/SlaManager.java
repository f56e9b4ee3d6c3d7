package ru.telecom.crm.sla.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ru.telecom.crm.catalog.CatalogApi;
import ru.telecom.crm.shared.Priority;
import ru.telecom.crm.sla.BusinessCalendar;
import ru.telecom.crm.sla.SlaApi;
import ru.telecom.crm.sla.SlaPolicy;
import ru.telecom.crm.sla.AlarmSchedule;
import ru.telecom.crm.sla.SlaSettings;
import ru.telecom.crm.sla.SlaSetup;
import ru.telecom.crm.sla.SlaSetupReplaced;

@Service
@Transactional(readOnly = true)
class SlaManager implements SlaApi {

	private final SlaStore store;

	private final CatalogApi catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration cacheTtl;

	private final BigDecimal escalationStep;

	/**
	 * The definition as last read: every incident's clocks ask for it, and it changes
	 * only by an import, after which it is read again. Another node's import is seen
	 * within {@code crm.sla.cache-ttl}.
	 */
	private volatile Snapshot snapshot;

	/**
	 * Counts the imports begun and ended on this node: a read that spans one is not kept.
	 */
	private final AtomicLong generation = new AtomicLong();

	SlaManager(SlaStore store, CatalogApi catalog, ApplicationEventPublisher events, Clock clock,
			SlaSettings settings) {
		this.store = store;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
		this.cacheTtl = settings.cacheTtl();
		this.escalationStep = (settings.escalationStep() != null) ? settings.escalationStep()
				: AlarmSchedule.DEFAULT_STEP;
	}

	@Override
	public SlaSetup setup() {
		return definition().toSetup();
	}

	@Override
	@Transactional
	public SlaSetup replace(SlaSetup setup) {
		SlaDefinition definition = SetupValidation.check(setup, this.catalog);
		this.store.replace(definition);
		forget();
		this.events.publishEvent(new SlaSetupReplaced(definition.calendarCount(), definition.policies().size()));
		return this.store.read().toSetup();
	}

	@Override
	public Optional<BusinessCalendar> calendar(String code) {
		return definition().calendar(code);
	}

	@Override
	public Optional<BusinessCalendar> workGroupCalendar(int workGroupCode) {
		return definition().workGroupCalendar(workGroupCode);
	}

	@Override
	public Optional<BusinessCalendar> helpdeskCalendar() {
		return definition().helpdeskCalendarValue();
	}

	@Override
	public Optional<SlaPolicy> policy(int serviceCode, Priority priority) {
		return definition().policy(serviceCode, priority);
	}

	@Override
	public Optional<AlarmSchedule> schedule(int serviceCode, int workGroupCode, Priority priority) {
		return clock(serviceCode, workGroupCode, priority).map((clock) -> new AlarmSchedule(clock, this.escalationStep,
				helpdeskCalendar(), priority == Priority.CRITICAL));
	}

	private SlaDefinition definition() {
		Snapshot known = this.snapshot;
		Instant now = this.clock.instant();
		if (known == null || known.readAt().plus(this.cacheTtl).isBefore(now)) {
			long generation = this.generation.get();
			known = new Snapshot(this.store.readConsistently(), now);
			// an import that began meanwhile may have committed after this read: its
			// reader keeps what it read, the cache does not
			if (this.generation.get() == generation) {
				this.snapshot = known;
			}
		}
		return known.definition();
	}

	/**
	 * Read again on the next question, and once more after the import's transaction ends.
	 */
	private void forget() {
		this.generation.incrementAndGet();
		this.snapshot = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					SlaManager.this.generation.incrementAndGet();
					SlaManager.this.snapshot = null;
				}
			});
		}
	}

	private record Snapshot(SlaDefinition definition, Instant readAt) {
	}

}
