package ru.telecom.crm.console;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.telecom.crm.access.AccessPolicy;
import ru.telecom.crm.access.Caller;
import ru.telecom.crm.api.Downloads;
import ru.telecom.crm.api.Paging;
import ru.telecom.crm.notes.NotesApi;
import ru.telecom.crm.shared.NotFoundException;
import ru.telecom.crm.status.StatusRecorder.EntityType;

/**
 * Notes and files on the request and incident pages: added by whoever may change the
 * item, downloaded by whoever may read it, under the rules of the API.
 */
@Controller
class NotePages {

	private final AccessPolicy access;

	private final NotesApi notes;

	NotePages(AccessPolicy access, NotesApi notes) {
		this.access = access;
		this.notes = notes;
	}

	@PostMapping("/requests/{id}/notes")
	String noteOnRequest(Caller caller, @PathVariable long id, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		return addNote(caller, EntityType.SERVICE_REQUEST, id, text, redirect);
	}

	@PostMapping("/incidents/{id}/notes")
	String noteOnIncident(Caller caller, @PathVariable long id, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		return addNote(caller, EntityType.INCIDENT, id, text, redirect);
	}

	@PostMapping("/requests/{id}/attachments")
	String fileOnRequest(Caller caller, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) {
		return attach(caller, EntityType.SERVICE_REQUEST, id, file, redirect);
	}

	@PostMapping("/incidents/{id}/attachments")
	String fileOnIncident(Caller caller, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) {
		return attach(caller, EntityType.INCIDENT, id, file, redirect);
	}

	@GetMapping("/requests/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> requestFile(Caller caller, @PathVariable long id, @PathVariable long attachmentId) {
		return download(caller, EntityType.SERVICE_REQUEST, id, attachmentId);
	}

	@GetMapping("/incidents/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> incidentFile(Caller caller, @PathVariable long id, @PathVariable long attachmentId) {
		return download(caller, EntityType.INCIDENT, id, attachmentId);
	}

	private String addNote(Caller caller, EntityType type, long id, String text, RedirectAttributes redirect) {
		requireFull(caller, type, id);
		Outcome.run(redirect, "note-added", () -> this.notes.addNote(type, id, text, caller.id()));
		return "redirect:" + page(type, id) + "#notes";
	}

	private String attach(Caller caller, EntityType type, long id, MultipartFile file, RedirectAttributes redirect) {
		requireFull(caller, type, id);
		byte[] content = bytesOf(file);
		String name = (file != null) ? file.getOriginalFilename() : null;
		Outcome.run(redirect, "file-attached", () -> this.notes.attach(type, id, name, content, caller.id()));
		return "redirect:" + page(type, id) + "#files";
	}

	private ResponseEntity<byte[]> download(Caller caller, EntityType type, long id, long attachmentId) {
		if (type == EntityType.SERVICE_REQUEST) {
			this.access.visibleRequest(caller, id);
		}
		else {
			this.access.visibleIncident(caller, id);
		}
		return Downloads.of(this.notes.file(type, id, attachmentId)
			.orElseThrow(() -> new NotFoundException("Attachment", attachmentId)));
	}

	private void requireFull(Caller caller, EntityType type, long id) {
		if (type == EntityType.SERVICE_REQUEST) {
			Paging.requireFull(this.access.toRequest(caller, this.access.visibleRequest(caller, id)), "Service request",
					id);
		}
		else {
			Paging.requireFull(this.access.toIncident(caller, this.access.visibleIncident(caller, id)), "Incident", id);
		}
	}

	private static String page(EntityType type, long id) {
		return ((type == EntityType.SERVICE_REQUEST) ? "/requests/" : "/incidents/") + id;
	}

	private static byte[] bytesOf(MultipartFile file) {
		try {
			return (file != null) ? file.getBytes() : new byte[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
