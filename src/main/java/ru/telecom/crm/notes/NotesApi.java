package ru.telecom.crm.notes;

import java.util.List;
import java.util.Optional;

import ru.telecom.crm.status.StatusRecorder.EntityType;

/**
 * The notes and files of a request or incident. The caller has checked that the actor may
 * read (lists, downloads) or change (additions) the item; additions join the caller's
 * transaction and are logged in the item's activity.
 */
public interface NotesApi {

	/** The longest note, in characters. */
	int MAX_NOTE_LENGTH = 8000;

	/**
	 * The items whose notes contain the text (any case), those of the newest notes first,
	 * each once, at most {@code limit}: for the search across everything, which asks the
	 * access policy which of them the caller may see.
	 */
	List<NotedItem> itemsNoted(String text, int limit);

	/** A request or incident a note belongs to. */
	record NotedItem(EntityType type, long itemId) {
	}

	/** The item's notes, oldest first. */
	List<NoteView> notesOf(EntityType type, long itemId);

	/**
	 * Adds a note by {@code authorId}.
	 * @throws ru.telecom.crm.shared.InvalidInputException when the text is blank or too
	 * long
	 */
	NoteView addNote(EntityType type, long itemId, String text, String authorId);

	/** The item's files (without their content), oldest first. */
	List<AttachmentView> attachmentsOf(EntityType type, long itemId);

	/**
	 * Attaches a file by {@code authorId}; its type is found from its content.
	 * @throws ru.telecom.crm.shared.DomainException 413 over the limit, 415 of a type not
	 * accepted, 400 empty
	 */
	AttachmentView attach(EntityType type, long itemId, String fileName, byte[] content, String authorId);

	/** A file of that item with its content; empty when the item has no such file. */
	Optional<AttachmentFile> file(EntityType type, long itemId, long attachmentId);

}
