package ru.telecom.crm.servicerequest.domain;

import java.time.Instant;

import org.springframework.stereotype.Component;

import ru.telecom.crm.retention.Purge;

/**
 * What an unattended channel sent, kept on its request for
 * {@code crm.retention.keep.raw-messages} after the request was created; the nightly
 * purge clears it on closed requests only, since an open one may still need it to
 * identify the caller. The request itself and its fields stay.
 */
@Component
class RawMessages implements Purge {

	private final ServiceRequestRepository requests;

	RawMessages(ServiceRequestRepository requests) {
		this.requests = requests;
	}

	@Override
	public String name() {
		return "raw-messages";
	}

	@Override
	public int purge(Instant cutoff, int limit) {
		return this.requests.clearRawMessagesCreatedBefore(cutoff, limit);
	}

}
