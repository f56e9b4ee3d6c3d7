package ru.telecom.crm.channel;

/**
 * What a channel gets back: the request its message opened (empty for a Telegram contact
 * that only tells us the chat's phone), and whether this was a repeat.
 */
public record ChannelReceipt(Long requestId, boolean repeated) {
}
