package ru.telecom.crm.notes;

import ru.telecom.crm.shared.DomainException;

/**
 * A file a request or incident does not take: too large (413), or not of a type it takes
 * (415).
 */
public abstract sealed class AttachmentRefusedException extends DomainException {

	AttachmentRefusedException(Kind kind, String message) {
		super(kind, message);
	}

	/** Over the attachment limit. */
	public static final class TooLarge extends AttachmentRefusedException {

		public TooLarge(long maxBytes) {
			super(Kind.TOO_LARGE, "The file is over " + maxBytes + " bytes");
		}

	}

	/** Not one of the accepted types, by its content. */
	public static final class UnsupportedType extends AttachmentRefusedException {

		public UnsupportedType() {
			super(Kind.UNSUPPORTED_TYPE,
					"Only PDF, PNG, JPEG, ZIP, mail (.eml) and text (.txt, .log, .csv) files are taken;"
							+ " the type is told by the content, not the name");
		}

	}

}
