package ru.telecom.crm.console;

/** What a person typed into a console form, trimmed and kept within the column's size. */
final class Text {

	private Text() {
	}

	/**
	 * {@code null} for blank input; otherwise trimmed, and cut at {@code max} characters.
	 */
	static String clip(String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.strip();
		return (trimmed.length() > max) ? trimmed.substring(0, max) : trimmed;
	}

}
