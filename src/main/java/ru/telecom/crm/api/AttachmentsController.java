package ru.telecom.crm.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import ru.telecom.crm.notes.AttachmentFile;
import ru.telecom.crm.notes.AttachmentView;
import ru.telecom.crm.notes.NotesApi;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.status.StatusRecorder.EntityType;

/**
 * Files attached to requests and incidents (DESIGN §13): the multipart part {@code file},
 * up to the attachment limit (crm.api.max-attachment, 10 MB), of a type told by its
 * content; always served as a download, never rendered.
 */
@RestController
@Transactional
@Tag(name = "Notes and attachments")
class AttachmentsController {

	private static final String UPLOAD_DESCRIPTION = "Multipart form data, the file in the part 'file', at most "
			+ "crm.api.max-attachment (10 MB by default; 413 over it). Accepted by content, never by name: PDF, "
			+ "PNG, JPEG, ZIP, mail (.eml) and text (.txt, .log, .csv); anything else is 415. For whoever may "
			+ "change the item; logged in its activity.";

	private final ItemAccess access;

	private final NotesApi notes;

	AttachmentsController(ItemAccess access, NotesApi notes) {
		this.access = access;
		this.notes = notes;
	}

	@Operation(summary = "A request's files, oldest first")
	@GetMapping("/api/service-requests/{id}/attachments")
	List<AttachmentView> ofRequest(Authentication caller, @PathVariable long id) {
		return list(caller, EntityType.SERVICE_REQUEST, id);
	}

	@Operation(summary = "Attaches a file to a request", description = UPLOAD_DESCRIPTION)
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/service-requests/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<AttachmentView> attachToRequest(Authentication caller, @PathVariable long id,
			@RequestPart("file") MultipartFile file) {
		return attach(caller, EntityType.SERVICE_REQUEST, id, file, "/api/service-requests/");
	}

	@Operation(summary = "Downloads a request's file", description = "Always as an attachment, never inline.",
			responses = @ApiResponse(responseCode = "200", description = "The file",
					content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
							schema = @Schema(type = "string", format = "binary"))))
	@GetMapping("/api/service-requests/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> downloadOfRequest(Authentication caller, @PathVariable long id,
			@PathVariable long attachmentId) {
		return download(caller, EntityType.SERVICE_REQUEST, id, attachmentId);
	}

	@Operation(summary = "An incident's files, oldest first")
	@GetMapping("/api/incidents/{id}/attachments")
	List<AttachmentView> ofIncident(Authentication caller, @PathVariable long id) {
		return list(caller, EntityType.INCIDENT, id);
	}

	@Operation(summary = "Attaches a file to an incident", description = UPLOAD_DESCRIPTION)
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/incidents/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<AttachmentView> attachToIncident(Authentication caller, @PathVariable long id,
			@RequestPart("file") MultipartFile file) {
		return attach(caller, EntityType.INCIDENT, id, file, "/api/incidents/");
	}

	@Operation(summary = "Downloads an incident's file", description = "Always as an attachment, never inline.",
			responses = @ApiResponse(responseCode = "200", description = "The file",
					content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
							schema = @Schema(type = "string", format = "binary"))))
	@GetMapping("/api/incidents/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> downloadOfIncident(Authentication caller, @PathVariable long id,
			@PathVariable long attachmentId) {
		return download(caller, EntityType.INCIDENT, id, attachmentId);
	}

	private List<AttachmentView> list(Authentication caller, EntityType type, long id) {
		this.access.read(this.access.caller(caller.getName()), type, id);
		return this.notes.attachmentsOf(type, id);
	}

	private ResponseEntity<AttachmentView> attach(Authentication caller, EntityType type, long id, MultipartFile file,
			String base) {
		this.access.requireFull(this.access.caller(caller.getName()), type, id);
		AttachmentView attached = this.notes.attach(type, id, file.getOriginalFilename(), bytesOf(file),
				caller.getName());
		return ResponseEntity.created(URI.create(base + id + "/attachments/" + attached.id())).body(attached);
	}

	private ResponseEntity<byte[]> download(Authentication caller, EntityType type, long id, long attachmentId) {
		this.access.read(this.access.caller(caller.getName()), type, id);
		AttachmentFile file = this.notes.file(type, id, attachmentId)
			.orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
		return Downloads.of(file);
	}

	private static byte[] bytesOf(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
