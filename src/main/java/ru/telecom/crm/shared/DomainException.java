package ru.telecom.crm.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the caller can act on. Each kind maps to one stable problem type of the API
 * (RFC 9457) and to a readable message in the forms.
 */
public abstract class DomainException extends RuntimeException {

	private final Kind kind;

	private final Map<String, String> fieldErrors;

	protected DomainException(Kind kind, String message) {
		this(kind, message, Map.of());
	}

	protected DomainException(Kind kind, String message, Map<String, String> fieldErrors) {
		super(message);
		this.kind = kind;
		this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
	}

	protected DomainException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.fieldErrors = Map.of();
	}

	public Kind kind() {
		return this.kind;
	}

	/** Offending input fields and what is wrong with each; empty unless a validation. */
	public Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

	/** The kinds of failure, each with its HTTP status and problem type slug. */
	public enum Kind {

		/** Input that breaks a rule: a bad phone, a bad INN, a missing field. */
		VALIDATION(400, "validation"),
		/** No such item, or one the caller may not see. */
		NOT_FOUND(404, "not-found"),
		/**
		 * The caller is not who they claim (a channel's secret or signature is wrong).
		 */
		UNAUTHORIZED(401, "unauthorized"),
		/** Visible, but the caller may not change it. */
		FORBIDDEN(403, "forbidden"),
		/**
		 * Clashes with the current state: an order of another client, an illegal
		 * transition.
		 */
		CONFLICT(409, "conflict"),
		/** A body or file over its limit. */
		TOO_LARGE(413, "payload-too-large"),
		/** A file of a type that is not accepted (by its content, not its name). */
		UNSUPPORTED_TYPE(415, "unsupported-media-type"),
		/** The same idempotency key came back with another payload. */
		KEY_REUSED(422, "idempotency-key-reused"),
		/** A system we depend on (LegacyDB) cannot answer now; nothing was written. */
		UNAVAILABLE(503, "unavailable");

		private final int status;

		private final String slug;

		Kind(int status, String slug) {
			this.status = status;
			this.slug = slug;
		}

		public int status() {
			return this.status;
		}

		public String slug() {
			return this.slug;
		}

	}

}
