package ru.telecom.crm.channel.domain;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReceivedMessageRepository extends JpaRepository<ReceivedMessage, Long> {

	Optional<ReceivedMessage> findByCallerAndIdempotencyKey(String caller, String idempotencyKey);

	@Modifying
	@Query("delete from ReceivedMessage m where m.receivedAt < ?1")
	int deleteReceivedBefore(Instant cutoff);

}
