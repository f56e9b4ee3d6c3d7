package ru.telecom.crm.status.domain;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;

import org.springframework.data.jpa.repository.JpaRepository;

interface StatusRecordRepository extends JpaRepository<StatusRecord, Long> {

	List<StatusRecord> findByServiceRequestIdOrderByCreatedAtAscIdAsc(long serviceRequestId);

	List<StatusRecord> findByIncidentIdOrderByCreatedAtAscIdAsc(long incidentId);

	List<StatusRecord> findByIdGreaterThanOrderByIdAsc(long id, Limit limit);

	long countByCreatedAtGreaterThanEqualAndCreatedAtLessThan(Instant from, Instant to);

}
