package ru.telecom.crm.servicerequest;

/**
 * A message from an unattended channel, with what could be read from it: the phone and
 * order code may be missing, in which case an agent identifies the caller.
 */
public record ChannelMessage(Channel channel, String rawMessage, String clientPhone, String orderCode,
		String description) {
}
