package ru.telecom.crm.notes.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoteRepository extends JpaRepository<Note, Long> {

	List<Note> findByServiceRequestIdOrderByCreatedAtAscIdAsc(long serviceRequestId);

	List<Note> findByIncidentIdOrderByCreatedAtAscIdAsc(long incidentId);

}
