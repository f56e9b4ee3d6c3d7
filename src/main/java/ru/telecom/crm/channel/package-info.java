/**
 * The unattended channels (DESIGN §5, §10): Telegram, the SMS gateway and the ESB. Each
 * message is checked (secret, signature, role), stored with its idempotency key and
 * acknowledged with the request it opened, in one transaction; a repeat returns the first
 * result, the same key with another payload is refused. A Telegram contact counts as the
 * caller's phone only when it is the sender's own; a word of free text counts as an order
 * code only when that order exists (asked of {@code customer}). A key is kept 24 hours
 * ({@code crm.retention.keep.idempotency-keys}), then purged in the nightly window.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "servicerequest", "customer", "retention" })
package ru.telecom.crm.channel;
