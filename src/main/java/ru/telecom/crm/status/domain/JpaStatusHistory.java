package ru.telecom.crm.status.domain;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.status.ActivityEntry;
import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusHistory;
import ru.telecom.crm.status.StatusRecorder;

@Service
@Transactional(readOnly = true)
class JpaStatusHistory implements StatusHistory, StatusRecorder {

	private final StatusRecordRepository records;

	private final ActivityRepository activities;

	private final Clock clock;

	JpaStatusHistory(StatusRecordRepository records, ActivityRepository activities, Clock clock) {
		this.records = records;
		this.activities = activities;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void requestTransition(long serviceRequestId, String oldStatus, String newStatus, String userId,
			String actorId) {
		this.records.save(
				new StatusRecord(serviceRequestId, null, oldStatus, newStatus, userId, actorId, this.clock.instant()));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void incidentTransition(long incidentId, String oldStatus, String newStatus, String userId, String actorId) {
		this.records
			.save(new StatusRecord(null, incidentId, oldStatus, newStatus, userId, actorId, this.clock.instant()));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void activity(EntityType entityType, long entityId, String kind, String actorId, String details) {
		this.activities.save(new Activity(entityType.name(), entityId, kind, actorId, details, this.clock.instant()));
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

}
