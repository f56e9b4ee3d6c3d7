package ru.telecom.crm.incident.domain;

import java.util.Optional;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface IncidentRepository extends JpaRepository<Incident, Long>, JpaSpecificationExecutor<Incident> {

	Optional<Incident> findByServiceRequestId(long serviceRequestId);

	Optional<Incident> findByProcessInstanceId(String processInstanceId);

	@Query("select distinct i.serviceId from Incident i")
	Set<Long> findServiceIdsInUse();

	@Query("select distinct i.workGroupId from Incident i")
	Set<Long> findWorkGroupIdsInUse();

}
