package ru.telecom.crm.status.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.shared.AfterCommit;
import ru.telecom.crm.status.ActivityEntry;
import ru.telecom.crm.status.ActivityRecorded;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.status.StatusRecorded;
import ru.telecom.crm.status.StatusRecorder;

@Service
@Transactional(readOnly = true)
class JpaStatusHistory implements StatusHistory, StatusRecorder {

	private final StatusRecordRepository records;

	private final ActivityRepository activities;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ApplicationEventPublisher events;

	JpaStatusHistory(StatusRecordRepository records, ActivityRepository activities, Clock clock, MeterRegistry meters,
			ApplicationEventPublisher events) {
		this.records = records;
		this.activities = activities;
		this.clock = clock;
		this.meters = meters;
		this.events = events;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void requestTransition(long serviceRequestId, String oldStatus, String newStatus, String userId,
			String actorId) {
		recorded(this.records.save(
				new StatusRecord(serviceRequestId, null, oldStatus, newStatus, userId, actorId, this.clock.instant())));
		counted("request", oldStatus, newStatus);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void incidentTransition(long incidentId, String oldStatus, String newStatus, String userId, String actorId) {
		recorded(this.records
			.save(new StatusRecord(null, incidentId, oldStatus, newStatus, userId, actorId, this.clock.instant())));
		counted("incident", oldStatus, newStatus);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void activity(EntityType entityType, long entityId, String kind, String actorId, String details) {
		Activity saved = this.activities
			.save(new Activity(entityType.name(), entityId, kind, actorId, details, this.clock.instant()));
		// in memory only: without a listener (the history not configured) it costs no SQL
		this.events.publishEvent(new ActivityRecorded(saved.entry()));
	}

	private void recorded(StatusRecord saved) {
		this.events.publishEvent(new StatusRecorded(saved.entry()));
	}

	/** {@code crm_transitions_total}, once the transition commits. */
	private void counted(String type, String oldStatus, String newStatus) {
		AfterCommit.run(() -> Counter.builder("crm.transitions")
			.description("Status changes of requests and incidents (from is empty for a creation)")
			.tags("type", type, "from", (oldStatus != null) ? oldStatus : "", "to", newStatus)
			.register(this.meters)
			.increment());
	}

	@Override
	public List<StatusEntry> ofServiceRequest(long serviceRequestId) {
		return this.records.findByServiceRequestIdOrderByCreatedAtAscIdAsc(serviceRequestId)
			.stream()
			.map(StatusRecord::entry)
			.toList();
	}

	@Override
	public List<StatusEntry> ofIncident(long incidentId) {
		return this.records.findByIncidentIdOrderByCreatedAtAscIdAsc(incidentId)
			.stream()
			.map(StatusRecord::entry)
			.toList();
	}

	@Override
	public List<ActivityEntry> activitiesOf(EntityType entityType, long entityId) {
		return this.activities.findByEntityTypeAndEntityIdOrderByCreatedAtAscIdAsc(entityType.name(), entityId)
			.stream()
			.map(Activity::entry)
			.toList();
	}

	@Override
	public List<StatusEntry> statusesAfter(long afterId, int limit) {
		return this.records.findByIdGreaterThanOrderByIdAsc(afterId, Limit.of(limit))
			.stream()
			.map(StatusRecord::entry)
			.toList();
	}

	@Override
	public List<ActivityEntry> activitiesAfter(long afterId, int limit) {
		return this.activities.findByIdGreaterThanOrderByIdAsc(afterId, Limit.of(limit))
			.stream()
			.map(Activity::entry)
			.toList();
	}

	@Override
	public long countRecorded(Instant from, Instant to) {
		return this.records.countByCreatedAtGreaterThanEqualAndCreatedAtLessThan(from, to)
				+ this.activities.countByCreatedAtGreaterThanEqualAndCreatedAtLessThan(from, to);
	}

}
