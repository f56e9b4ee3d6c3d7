package ru.telecom.crm.servicerequest.domain;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ServiceRequestRepository
		extends JpaRepository<ServiceRequest, Long>, JpaSpecificationExecutor<ServiceRequest> {

	Optional<ServiceRequest> findByProcessInstanceId(String processInstanceId);

	/**
	 * Clears the raw message of at most {@code limit} closed requests created before the
	 * cutoff, oldest first; the version moves on, so that an edit of a copy read before
	 * fails instead of writing the message back.
	 */
	@Modifying
	@Query(value = """
			update service_request set raw_message = null, version = version + 1 where id in
			  (select id from service_request
			   where raw_message is not null and status = 'CLOSED' and created_at < ?1
			   order by created_at limit ?2)
			""", nativeQuery = true)
	int clearRawMessagesCreatedBefore(Instant cutoff, int limit);

}
