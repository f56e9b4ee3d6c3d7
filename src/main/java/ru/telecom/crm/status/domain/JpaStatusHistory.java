package ru.telecom.crm.status.domain;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.status.StatusEntry;
import ru.telecom.crm.status.StatusHistory;

@Service
@Transactional(readOnly = true)
class JpaStatusHistory implements StatusHistory {

	private final StatusRecordRepository records;

	JpaStatusHistory(StatusRecordRepository records) {
		this.records = records;
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

}
