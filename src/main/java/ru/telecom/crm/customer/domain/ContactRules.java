package ru.telecom.crm.customer.domain;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import ru.telecom.crm.shared.InputText;

/** Small rules for what people type: trimmed text, emails, order codes. */
final class ContactRules {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern ORDER_CODE = Pattern.compile("[A-Z0-9][A-Z0-9._/-]*");

	private ContactRules() {
	}

	/** Trimmed text, {@code null} when blank; longer than {@code max} is an error. */
	static String text(String raw, int max, String field, Map<String, String> errors) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String text = InputText.clean(raw).strip();
		if (text.length() > max) {
			errors.put(field, "at most " + max + " characters");
		}
		return text;
	}

	/** A lower-cased email, {@code null} when blank. */
	static String email(String raw, String field, Map<String, String> errors) {
		String email = text(raw, 254, field, errors);
		if (email != null && !EMAIL.matcher(email).matches()) {
			errors.put(field, "'" + raw + "' is not an email address");
		}
		return (email != null) ? email.toLowerCase(Locale.ROOT) : null;
	}

	/** An email from LegacyDB: kept when it looks like one, dropped otherwise. */
	static String emailOrNull(String raw) {
		if (raw == null || raw.isBlank() || !EMAIL.matcher(raw.strip()).matches() || raw.strip().length() > 254) {
			return null;
		}
		return raw.strip().toLowerCase(Locale.ROOT);
	}

	/** An order code in upper case: letters, digits and {@code . _ / -}. */
	static String orderCode(String raw, String field, Map<String, String> errors) {
		String code = text(raw, 64, field, errors);
		if (code == null) {
			errors.put(field, "an order code is required");
			return null;
		}
		code = code.toUpperCase(Locale.ROOT);
		if (!ORDER_CODE.matcher(code).matches()) {
			errors.put(field, "an order code has only letters, digits and . _ / -");
		}
		return code;
	}

}
