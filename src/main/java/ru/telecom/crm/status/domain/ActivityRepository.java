package ru.telecom.crm.status.domain;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActivityRepository extends JpaRepository<Activity, Long> {

	List<Activity> findByEntityTypeAndEntityIdOrderByCreatedAtAscIdAsc(String entityType, long entityId);

	List<Activity> findByIdGreaterThanOrderByIdAsc(long id, Limit limit);

	long countByCreatedAtGreaterThanEqualAndCreatedAtLessThan(Instant from, Instant to);

}
