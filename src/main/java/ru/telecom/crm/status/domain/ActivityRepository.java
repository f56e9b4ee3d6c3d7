package ru.telecom.crm.status.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActivityRepository extends JpaRepository<Activity, Long> {

	List<Activity> findByEntityTypeAndEntityIdOrderByCreatedAtAscIdAsc(String entityType, long entityId);

}
