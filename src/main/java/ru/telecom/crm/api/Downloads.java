package ru.telecom.crm.api;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ru.telecom.crm.notes.AttachmentFile;
import ru.telecom.crm.notes.AttachmentView;

/**
 * A stored file as the API and the console serve it: always a download, never rendered.
 * The browser neither shows it inline nor guesses another type than the one its content
 * was found to be, and a file opened anyway runs nothing.
 */
public final class Downloads {

	private Downloads() {
	}

	public static ResponseEntity<byte[]> of(AttachmentFile file) {
		return ResponseEntity.ok().headers(headers(file.attachment())).body(file.content());
	}

	static HttpHeaders headers(AttachmentView attachment) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(attachment.contentType()));
		headers.setContentLength(attachment.size());
		headers.setContentDisposition(
				ContentDisposition.attachment().filename(attachment.fileName(), StandardCharsets.UTF_8).build());
		headers.set("X-Content-Type-Options", "nosniff");
		headers.setCacheControl("private, no-store");
		headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
		return headers;
	}

}
