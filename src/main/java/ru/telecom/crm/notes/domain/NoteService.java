package ru.telecom.crm.notes.domain;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.telecom.crm.notes.AttachmentFile;
import ru.telecom.crm.notes.AttachmentRefusedException;
import ru.telecom.crm.notes.AttachmentView;
import ru.telecom.crm.notes.FileType;
import ru.telecom.crm.notes.NoteView;
import ru.telecom.crm.notes.NotesApi;
import ru.telecom.crm.shared.SearchFilters;
import ru.telecom.crm.shared.ApiLimits;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.status.StatusRecorder;
import ru.telecom.crm.status.StatusRecorder.EntityType;

@Service
@Transactional(readOnly = true)
class NoteService implements NotesApi {

	/** Activity kinds: what the item's activity shows of its notes and files. */
	static final String NOTE_ADDED = "NOTE_ADDED";

	static final String ATTACHMENT_ADDED = "ATTACHMENT_ADDED";

	private final NoteRepository notes;

	private final AttachmentRepository attachments;

	private final StatusRecorder history;

	private final ApiLimits limits;

	private final Clock clock;

	NoteService(NoteRepository notes, AttachmentRepository attachments, StatusRecorder history, ApiLimits limits,
			Clock clock) {
		this.notes = notes;
		this.attachments = attachments;
		this.history = history;
		this.limits = limits;
		this.clock = clock;
	}

	@Override
	public List<NotedItem> itemsNoted(String text, int limit) {
		return this.notes.findByTextLike(SearchFilters.containing(text), PageRequest.of(0, limit))
			.stream()
			.map((note) -> new NotedItem(note.view().itemType(), note.view().itemId()))
			.distinct()
			.toList();
	}

	@Override
	public List<NoteView> notesOf(EntityType type, long itemId) {
		List<Note> found = (type == EntityType.SERVICE_REQUEST)
				? this.notes.findByServiceRequestIdOrderByCreatedAtAscIdAsc(itemId)
				: this.notes.findByIncidentIdOrderByCreatedAtAscIdAsc(itemId);
		return found.stream().map(Note::view).toList();
	}

	@Override
	@Transactional
	public NoteView addNote(EntityType type, long itemId, String text, String authorId) {
		String trimmed = (text != null) ? text.strip() : "";
		if (trimmed.isEmpty()) {
			throw new InvalidInputException("text", "must not be blank");
		}
		if (trimmed.length() > MAX_NOTE_LENGTH) {
			throw new InvalidInputException("text", "must be at most " + MAX_NOTE_LENGTH + " characters");
		}
		Note note = this.notes.save(new Note(new Item(type, itemId), trimmed, authorId, this.clock.instant()));
		NoteView view = note.view();
		this.history.activity(type, itemId, NOTE_ADDED, authorId, "Note " + view.id());
		return view;
	}

	@Override
	public List<AttachmentView> attachmentsOf(EntityType type, long itemId) {
		List<AttachmentRow> rows = (type == EntityType.SERVICE_REQUEST) ? this.attachments.rowsOfServiceRequest(itemId)
				: this.attachments.rowsOfIncident(itemId);
		return rows.stream().map(AttachmentRow::view).toList();
	}

	@Override
	@Transactional
	public AttachmentView attach(EntityType type, long itemId, String fileName, byte[] content, String authorId) {
		if (content.length == 0) {
			throw new InvalidInputException("file", "is empty");
		}
		if (content.length > this.limits.maxAttachment().toBytes()) {
			throw new AttachmentRefusedException.TooLarge(this.limits.maxAttachment().toBytes());
		}
		String name = FileNames.clean(fileName);
		FileType fileType = FileType.of(content, name).orElseThrow(AttachmentRefusedException.UnsupportedType::new);
		Attachment saved = this.attachments
			.save(new Attachment(new Item(type, itemId), name, fileType, content, authorId, this.clock.instant()));
		AttachmentView view = saved.row().view();
		this.history.activity(type, itemId, ATTACHMENT_ADDED, authorId,
				view.fileName() + " (" + view.contentType() + ", " + view.size() + " bytes)");
		return view;
	}

	@Override
	public Optional<AttachmentFile> file(EntityType type, long itemId, long attachmentId) {
		return this.attachments.row(attachmentId)
			.map(AttachmentRow::view)
			.filter((view) -> view.itemType() == type && view.itemId() == itemId)
			.map((view) -> new AttachmentFile(view, Objects.requireNonNull(this.attachments.content(attachmentId))));
	}

}
