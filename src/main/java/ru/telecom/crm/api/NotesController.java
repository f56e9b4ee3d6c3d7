package ru.telecom.crm.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.telecom.crm.access.Caller;
import ru.telecom.crm.incident.IncidentApi;
import ru.telecom.crm.notes.NoteView;
import ru.telecom.crm.notes.NotesApi;
import ru.telecom.crm.status.StatusRecorder.EntityType;

/**
 * Internal work notes of requests and incidents (DESIGN §13): whoever may read the item
 * reads them, whoever may change it adds them.
 */
@RestController
@Transactional
@Tag(name = "Notes and attachments")
class NotesController {

	private final ItemAccess access;

	private final NotesApi notes;

	private final IncidentApi incidents;

	NotesController(ItemAccess access, NotesApi notes, IncidentApi incidents) {
		this.access = access;
		this.notes = notes;
		this.incidents = incidents;
	}

	@Operation(summary = "A request's work notes, oldest first")
	@GetMapping("/api/service-requests/{id}/notes")
	List<NoteView> ofRequest(Authentication caller, @PathVariable long id) {
		this.access.read(this.access.caller(caller.getName()), EntityType.SERVICE_REQUEST, id);
		return this.notes.notesOf(EntityType.SERVICE_REQUEST, id);
	}

	@Operation(summary = "Adds a work note to a request",
			description = "For whoever may change the request; logged in its activity.")
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/service-requests/{id}/notes")
	ResponseEntity<NoteView> addToRequest(Authentication caller, @PathVariable long id,
			@Valid @RequestBody NoteBody body) {
		return add(caller, EntityType.SERVICE_REQUEST, id, body, "/api/service-requests/");
	}

	@Operation(summary = "An incident's work notes and those of its request, oldest first",
			description = "The engineer reads the request's notes from the incident: each note says which item "
					+ "it belongs to (itemType, itemId). The request's notes are included when the caller may "
					+ "read the request; its description is at GET /api/service-requests/{id}.")
	@GetMapping("/api/incidents/{id}/notes")
	List<NoteView> ofIncident(Authentication caller, @PathVariable long id) {
		Caller who = this.access.caller(caller.getName());
		this.access.read(who, EntityType.INCIDENT, id);
		List<NoteView> found = new ArrayList<>(this.notes.notesOf(EntityType.INCIDENT, id));
		Long request = this.incidents.find(id).map((incident) -> incident.serviceRequestId()).orElse(null);
		if (request != null && this.access.readsRequest(who, request)) {
			found.addAll(this.notes.notesOf(EntityType.SERVICE_REQUEST, request));
			found.sort(Comparator.comparing(NoteView::createdAt).thenComparing(NoteView::id));
		}
		return found;
	}

	@Operation(summary = "Adds a work note to an incident",
			description = "For whoever may change the incident; logged in its activity.")
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/incidents/{id}/notes")
	ResponseEntity<NoteView> addToIncident(Authentication caller, @PathVariable long id,
			@Valid @RequestBody NoteBody body) {
		return add(caller, EntityType.INCIDENT, id, body, "/api/incidents/");
	}

	private ResponseEntity<NoteView> add(Authentication caller, EntityType type, long id, NoteBody body, String base) {
		this.access.requireFull(this.access.caller(caller.getName()), type, id);
		NoteView note = this.notes.addNote(type, id, body.text(), caller.getName());
		return ResponseEntity.created(URI.create(base + id + "/notes")).body(note);
	}

	/** A work note's text. */
	record NoteBody(@NotBlank @Size(max = NotesApi.MAX_NOTE_LENGTH) String text) {
	}

}
