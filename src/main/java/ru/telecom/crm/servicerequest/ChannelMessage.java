package ru.telecom.crm.servicerequest;

import java.util.List;

/**
 * A message from an unattended channel, with what could be read from it: the phone and
 * order code may be missing, in which case an agent identifies the caller.
 * {@code orderCodesToCheck} are the words of a free text that look like order codes but
 * could not be checked when it came (LegacyDB down): the caller's lookup, a retried job,
 * checks them once LegacyDB answers.
 */
public record ChannelMessage(Channel channel, String rawMessage, String clientPhone, String orderCode,
		String description, List<String> orderCodesToCheck) {

	public ChannelMessage {
		orderCodesToCheck = (orderCodesToCheck != null) ? List.copyOf(orderCodesToCheck) : List.of();
	}

	public ChannelMessage(Channel channel, String rawMessage, String clientPhone, String orderCode,
			String description) {
		this(channel, rawMessage, clientPhone, orderCode, description, List.of());
	}

}
