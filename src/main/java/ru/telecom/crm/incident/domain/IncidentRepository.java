package ru.telecom.crm.incident.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import ru.telecom.crm.incident.IncidentStatus;

interface IncidentRepository extends JpaRepository<Incident, Long>, JpaSpecificationExecutor<Incident> {

	Optional<Incident> findByServiceRequestId(long serviceRequestId);

	Optional<Incident> findByProcessInstanceId(String processInstanceId);

	/**
	 * The status as last committed, the row locked until the transaction ends: a scalar,
	 * not the entity, which the persistence context may hold as it was read before.
	 */
	@Query(value = "select status from incident where id = :id for update", nativeQuery = true)
	Optional<String> lockStatus(long id);

	@Query("select distinct i.serviceId from Incident i")
	Set<Long> findServiceIdsInUse();

	/**
	 * Per assignee among {@code engineers}: how many incidents they hold in the
	 * {@code open} statuses. Named, not "not closed": the (assignee, status) index then
	 * reads only the open rows, where an inequality would count every closed incident an
	 * engineer ever held.
	 */
	@Query("select i.assignee, count(i) from Incident i where i.assignee in :engineers and i.status in :open group by i.assignee")
	List<Object[]> openLoadOf(Collection<String> engineers, Collection<IncidentStatus> open);

	/**
	 * The response's breach, once, without loading the incident: a clock's step never
	 * writes the rest of the row (nor bumps its version under a person's change).
	 */
	@Modifying
	@Query("update Incident i set i.responseBreachedAt = :at where i.id = :id and i.responseBreachedAt is null")
	int recordResponseBreach(long id, Instant at);

	/** The resolution's breach, as {@link #recordResponseBreach}. */
	@Modifying
	@Query("update Incident i set i.resolutionBreachedAt = :at where i.id = :id and i.resolutionBreachedAt is null")
	int recordResolutionBreach(long id, Instant at);

	@Query("select i.id from Incident i where i.id > :afterId and i.status <> :closed order by i.id")
	List<Long> findOpenIds(long afterId, IncidentStatus closed, Pageable page);

	@Query("select distinct i.workGroupId from Incident i")
	Set<Long> findWorkGroupIdsInUse();

}
