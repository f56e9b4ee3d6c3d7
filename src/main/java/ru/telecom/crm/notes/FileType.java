package ru.telecom.crm.notes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of file a request or incident accepts, told by their content, never by their
 * name: magic bytes for PDF, PNG, JPEG and ZIP; for the rest, text (UTF-8 or a one-byte
 * code page, no control characters but tab, line breaks, form feed and escape), which is
 * a mail when it opens with mail headers and CSV when so named. HTML and SVG are not text
 * here: a browser would run them.
 */
public enum FileType {

	PDF("application/pdf"), PNG("image/png"), JPEG("image/jpeg"), ZIP("application/zip"), EML("message/rfc822"),
	CSV("text/csv"), TEXT("text/plain");

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private static final byte[] EMPTY_ZIP_MAGIC = { 'P', 'K', 5, 6 };

	/** A header line of a mail (RFC 5322): a name, a colon. */
	private static final Pattern HEADER = Pattern.compile("^[!-9;-~]+:.*$");

	private static final Pattern MAIL_HEADER = Pattern.compile(
			"^(from|to|subject|date|message-id|received|return-path|mime-version|delivered-to):.*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern MARKUP = Pattern.compile("<\\s*(!doctype|html|script|svg|\\?xml|iframe|body)\\b",
			Pattern.CASE_INSENSITIVE);

	private final String mediaType;

	FileType(String mediaType) {
		this.mediaType = mediaType;
	}

	public String mediaType() {
		return this.mediaType;
	}

	/**
	 * What the content is, if it is one of the accepted kinds; the name only tells CSV
	 * from other text.
	 */
	public static Optional<FileType> of(byte[] content, String fileName) {
		if (content.length == 0) {
			return Optional.empty();
		}
		if (startsWith(content, PDF_MAGIC)) {
			return Optional.of(PDF);
		}
		if (startsWith(content, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(content, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, ZIP_MAGIC) || startsWith(content, EMPTY_ZIP_MAGIC)) {
			return Optional.of(ZIP);
		}
		if (!isText(content)) {
			return Optional.empty();
		}
		String head = decode(Arrays.copyOf(content, Math.min(content.length, 4096)));
		if (MARKUP.matcher(head).find()) {
			return Optional.empty();
		}
		if (isMail(head)) {
			return Optional.of(EML);
		}
		boolean csv = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
		return Optional.of(csv ? CSV : TEXT);
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

	private static boolean isText(byte[] content) {
		for (byte b : content) {
			int c = b & 0xFF;
			boolean allowedControl = c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x1B;
			if ((c < 0x20 && !allowedControl) || c == 0x7F) {
				return false;
			}
		}
		return true;
	}

	/** UTF-8 when it is, else one byte a character: only headers are read from it. */
	private static String decode(byte[] head) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(head))
				.toString();
		}
		catch (CharacterCodingException ex) {
			// cut in the middle of a character, or a one-byte code page (cp1251 logs)
			return new String(head, StandardCharsets.ISO_8859_1);
		}
	}

	/**
	 * Opens with a block of header lines, at least one a mail's own, then a blank line.
	 */
	private static boolean isMail(String head) {
		String[] lines = head.split("\r?\n", -1);
		boolean mailHeader = false;
		int headers = 0;
		for (int i = 0; i < lines.length - 1; i++) {
			String line = lines[i];
			if (line.isEmpty()) {
				return headers > 0 && mailHeader;
			}
			if (line.startsWith(" ") || line.startsWith("\t")) {
				if (headers == 0) {
					return false;
				}
				continue;
			}
			if (!HEADER.matcher(line).matches()) {
				return false;
			}
			headers++;
			mailHeader |= MAIL_HEADER.matcher(line).matches();
		}
		return false;
	}

}
