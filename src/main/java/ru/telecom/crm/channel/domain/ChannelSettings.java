package ru.telecom.crm.channel.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The channels' secrets, from the environment only; a channel without its secret refuses
 * every message.
 *
 * @param telegramSecret what Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}
 * @param smsSecret the key of the SMS gateway's HMAC-SHA256 signature
 * @param smsMaxSkew how far {@code X-Timestamp} may be from now
 */
@ConfigurationProperties("crm.channels")
record ChannelSettings(String telegramSecret, String smsSecret, @DefaultValue("5m") Duration smsMaxSkew) {
}
