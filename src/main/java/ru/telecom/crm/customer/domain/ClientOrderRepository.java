package ru.telecom.crm.customer.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ClientOrderRepository extends JpaRepository<ClientOrder, Long>, JpaSpecificationExecutor<ClientOrder> {

	Page<ClientOrder> findByClientId(long clientId, Pageable page);

	Optional<ClientOrder> findByCode(String code);

	boolean existsByCode(String code);

	/** Which of these codes (upper case) are ours. */
	@Query("select o.code from ClientOrder o where o.code in :codes")
	List<String> codesIn(@Param("codes") Collection<String> codes);

}
