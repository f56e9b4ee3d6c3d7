package ru.telecom.crm.status.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StatusRecordRepository extends JpaRepository<StatusRecord, Long> {

	List<StatusRecord> findByServiceRequestIdOrderByCreatedAtAscIdAsc(long serviceRequestId);

	List<StatusRecord> findByIncidentIdOrderByCreatedAtAscIdAsc(long incidentId);

}
