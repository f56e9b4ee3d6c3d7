package ru.telecom.crm.notes.domain;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NoteRepository extends JpaRepository<Note, Long> {

	List<Note> findByServiceRequestIdOrderByCreatedAtAscIdAsc(long serviceRequestId);

	List<Note> findByIncidentIdOrderByCreatedAtAscIdAsc(long incidentId);

	/** Notes whose lower-cased text is like the pattern, newest first. */
	@Query("select n from Note n where lower(n.text) like :pattern escape '\\' order by n.createdAt desc, n.id desc")
	List<Note> findByTextLike(@Param("pattern") String pattern, Pageable page);

}
