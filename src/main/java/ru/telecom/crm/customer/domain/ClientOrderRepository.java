package ru.telecom.crm.customer.domain;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ClientOrderRepository extends JpaRepository<ClientOrder, Long>, JpaSpecificationExecutor<ClientOrder> {

	Page<ClientOrder> findByClientId(long clientId, Pageable page);

	Optional<ClientOrder> findByCode(String code);

	boolean existsByCode(String code);

}
