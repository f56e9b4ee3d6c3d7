package ru.telecom.crm.catalog.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TelecomServiceRepository extends JpaRepository<TelecomService, Long> {

	Optional<TelecomService> findByCode(int code);

	List<TelecomService> findAllByOrderByCode();

	List<TelecomService> findByRetiredAtIsNullOrderByCode();

}
