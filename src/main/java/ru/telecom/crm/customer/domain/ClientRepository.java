package ru.telecom.crm.customer.domain;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClientRepository extends JpaRepository<Client, Long> {

	Optional<Client> findByPhone(String phone);

	Optional<Client> findByLegacyId(long legacyId);

}
