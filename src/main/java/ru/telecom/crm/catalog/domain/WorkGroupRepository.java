package ru.telecom.crm.catalog.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkGroupRepository extends JpaRepository<WorkGroup, Long> {

	Optional<WorkGroup> findByCode(int code);

	List<WorkGroup> findAllByOrderByCode();

}
