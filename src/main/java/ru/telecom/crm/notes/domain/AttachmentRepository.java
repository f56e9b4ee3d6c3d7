package ru.telecom.crm.notes.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

	String ROW = "select new ru.telecom.crm.notes.domain.AttachmentRow(a.id, a.serviceRequestId, a.incidentId,"
			+ " a.createdAt, a.authorId, a.fileName, a.contentType, a.sizeBytes) from Attachment a ";

	@Query(ROW + "where a.serviceRequestId = :itemId order by a.createdAt, a.id")
	List<AttachmentRow> rowsOfServiceRequest(long itemId);

	@Query(ROW + "where a.incidentId = :itemId order by a.createdAt, a.id")
	List<AttachmentRow> rowsOfIncident(long itemId);

	@Query(ROW + "where a.id = :id")
	Optional<AttachmentRow> row(long id);

	@Query("select a.content from Attachment a where a.id = :id")
	byte[] content(long id);

}
