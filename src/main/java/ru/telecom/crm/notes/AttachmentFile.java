package ru.telecom.crm.notes;

/** A file with its content, for a download. */
public record AttachmentFile(AttachmentView attachment, byte[] content) {
}
