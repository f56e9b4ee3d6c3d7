package ru.telecom.crm.notes.domain;

/**
 * A file's name as kept and offered back for download: its last path segment, without
 * control or path characters, at most 200 characters; "attachment" when nothing is left.
 */
final class FileNames {

	static final int MAX_LENGTH = 200;

	private FileNames() {
	}

	static String clean(String sent) {
		String name = (sent != null) ? sent : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder kept = new StringBuilder();
		name.codePoints()
			.filter((c) -> !Character.isISOControl(c) && c != '"' && Character.getType(c) != Character.FORMAT)
			.forEach(kept::appendCodePoint);
		name = kept.toString().strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.length() > MAX_LENGTH) {
			name = name.substring(name.length() - MAX_LENGTH);
		}
		return name.isBlank() ? "attachment" : name;
	}

}
