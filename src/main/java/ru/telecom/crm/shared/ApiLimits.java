package ru.telecom.crm.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much the API reads: every body up to {@code maxBody}, but a file attached to a
 * request or incident up to a limit of its own, {@code maxAttachment}.
 *
 * @param maxBody the largest request body the API reads
 * @param maxAttachment the largest file attached to a request or incident
 */
@ConfigurationProperties("crm.api")
public record ApiLimits(@DefaultValue("1MB") DataSize maxBody, @DefaultValue("10MB") DataSize maxAttachment) {

	/** What a multipart upload adds around its file: boundaries, part headers. */
	public static final long MULTIPART_OVERHEAD = 64 * 1024;

	/** The largest body of an upload: the file, its part's headers and boundaries. */
	public long maxUploadBody() {
		return this.maxAttachment.toBytes() + MULTIPART_OVERHEAD;
	}

}
