package ru.telecom.crm.customer.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ClientRepository extends JpaRepository<Client, Long>, JpaSpecificationExecutor<Client> {

	Optional<Client> findByPhone(String phone);

	Optional<Client> findByLegacyId(long legacyId);

	/** The copies of these LegacyDB customers, and ours with these phones. */
	List<Client> findByLegacyIdInOrPhoneIn(Collection<Long> legacyIds, Collection<String> phones);

}
