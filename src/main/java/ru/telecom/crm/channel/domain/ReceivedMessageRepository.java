package ru.telecom.crm.channel.domain;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReceivedMessageRepository extends JpaRepository<ReceivedMessage, Long> {

	Optional<ReceivedMessage> findByCallerAndIdempotencyKey(String caller, String idempotencyKey);

	@Modifying
	@Query("delete from ReceivedMessage m where m.id = ?1")
	int forget(Long id);

	/** At most {@code limit} keys received before the cutoff, oldest first. */
	@Modifying
	@Query(value = """
			delete from channel_message where id in
			  (select id from channel_message where received_at < ?1 order by received_at limit ?2)
			""", nativeQuery = true)
	int deleteReceivedBefore(Instant cutoff, int limit);

}
