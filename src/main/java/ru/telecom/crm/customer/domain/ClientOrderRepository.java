package ru.telecom.crm.customer.domain;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClientOrderRepository extends JpaRepository<ClientOrder, Long> {

	Optional<ClientOrder> findByCode(String code);

}
