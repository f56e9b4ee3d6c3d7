package ru.telecom.crm.channel;

/**
 * Takes messages from the unattended channels. Each method checks who sent the message,
 * stores it and opens its request in one transaction, then returns the receipt: once it
 * returns, the request exists with its process started.
 *
 * @throws ru.telecom.crm.shared.DomainException {@code UNAUTHORIZED} for a wrong secret
 * or signature, {@code VALIDATION} for a message that cannot be read, {@code KEY_REUSED}
 * for a known key with another payload
 */
public interface ChannelIntake {

	/** A Telegram Bot API {@code Update}, authenticated by its secret-token header. */
	ChannelReceipt telegram(String secretToken, String update);

	/** An SMS gateway message, authenticated by its timestamp and HMAC signature. */
	ChannelReceipt sms(String timestamp, String signature, String message);

	/** An ESB message from an authenticated ChannelIntegration caller. */
	ChannelReceipt esb(String caller, String idempotencyKey, String message);

}
