package ru.telecom.crm.channel.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

import ru.telecom.crm.channel.ChannelIntake;
import ru.telecom.crm.channel.ChannelReceipt;
import ru.telecom.crm.servicerequest.Channel;
import ru.telecom.crm.servicerequest.ChannelMessage;
import ru.telecom.crm.servicerequest.RequestActions;
import ru.telecom.crm.shared.DomainException;
import ru.telecom.crm.shared.InvalidInputException;
import ru.telecom.crm.shared.KeyRaceRetry;

import static ru.telecom.crm.channel.domain.JsonMessages.parse;
import static ru.telecom.crm.channel.domain.JsonMessages.text;

@Service
class ChannelIntakeService implements ChannelIntake {

	private final ChannelSettings settings;

	private final ReceivedMessageRepository messages;

	private final TelegramChatRepository chats;

	private final RequestActions requests;

	private final OrderCodes orderCodes;

	private final KeyRaceRetry keyRaceRetry;

	private final IdempotencyKeys keys;

	private final Clock clock;

	ChannelIntakeService(ChannelSettings settings, ReceivedMessageRepository messages, TelegramChatRepository chats,
			RequestActions requests, OrderCodes orderCodes, KeyRaceRetry keyRaceRetry, IdempotencyKeys keys,
			Clock clock) {
		this.settings = settings;
		this.messages = messages;
		this.chats = chats;
		this.requests = requests;
		this.orderCodes = orderCodes;
		this.keyRaceRetry = keyRaceRetry;
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public ChannelReceipt telegram(String secretToken, String update) {
		if (!matches(this.settings.telegramSecret(), secretToken)) {
			throw new Unauthorized("The Telegram secret token is missing or wrong");
		}
		TelegramUpdate message = TelegramUpdate.read(parse(update));
		OrderCodes.Named order = (message.text() != null) ? this.orderCodes.read(message.text())
				: OrderCodes.Named.NONE;
		return receive(Channel.TELEGRAM, "telegram", message.updateId(), update, () -> {
			String phone = phoneOf(message);
			if (!message.opensRequest()) {
				return null;
			}
			return this.requests
				.receive(new ChannelMessage(Channel.TELEGRAM, update, phone, order.code(), message.description(),
						order.toCheck()))
				.id();
		});
	}

	@Override
	public ChannelReceipt sms(String timestamp, String signature, String message) {
		String secret = this.settings.smsSecret();
		if (secret == null || secret.isBlank() || timestamp == null || signature == null) {
			throw new Unauthorized("The SMS signature is missing");
		}
		long sent;
		try {
			sent = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			throw new Unauthorized("The SMS timestamp is not a number of seconds");
		}
		Duration skew = Duration.between(Instant.ofEpochSecond(sent), this.clock.instant()).abs();
		if (skew.compareTo(this.settings.smsMaxSkew()) > 0) {
			throw new Unauthorized("The SMS timestamp is too far from now: a replay, or a clock to fix");
		}
		if (!matches("sha256=" + hmac(secret, timestamp.strip() + "." + message), signature.strip())) {
			throw new Unauthorized("The SMS signature does not match");
		}
		JsonNode root = parse(message);
		String from = text(root.path("from"));
		String text = text(root.path("text"));
		String messageId = text(root.path("messageId"));
		if (from == null || messageId == null || text == null) {
			throw new InvalidInputException("The SMS needs from, text and messageId",
					Map.of("from", "required", "text", "required", "messageId", "required"));
		}
		OrderCodes.Named order = this.orderCodes.read(text);
		return receive(Channel.SMS, "sms", messageId, message,
				() -> this.requests
					.receive(new ChannelMessage(Channel.SMS, message, from, order.code(), text, order.toCheck()))
					.id());
	}

	@Override
	public ChannelReceipt esb(String caller, String idempotencyKey, String message) {
		JsonNode root = parse(message);
		String key = (idempotencyKey != null && !idempotencyKey.isBlank()) ? idempotencyKey.strip()
				: text(root.path("messageId"));
		if (key == null) {
			throw new InvalidInputException("Idempotency-Key", "an Idempotency-Key header or a messageId is required");
		}
		if (key.length() > 200 || !key.chars().allMatch((c) -> c > 0x20 && c < 0x7F)) {
			throw new InvalidInputException("Idempotency-Key", "at most 200 visible ASCII characters");
		}
		String description = text(root.path("description"));
		return receive(Channel.ESB, caller, key, message,
				() -> this.requests
					.receive(new ChannelMessage(Channel.ESB, message, text(root.path("clientPhone")),
							text(root.path("orderCode")), description))
					.id());
	}

	/**
	 * Stores the message under its key and opens its request, all in one transaction; a
	 * repeat, even a racing one, returns what the first opened. A repeat is the same
	 * JSON, however serialised (CanonicalJson). A key past its keeping time is new again,
	 * whether or not the nightly purge has removed it yet.
	 */
	private ChannelReceipt receive(Channel channel, String caller, String key, String payload, Supplier<Long> open) {
		String hash = CanonicalJson.sha256(payload);
		return this.keyRaceRetry.inNewTransaction(() -> {
			Instant now = this.clock.instant();
			Optional<ReceivedMessage> known = this.messages.findByCallerAndIdempotencyKey(caller, key);
			if (known.isPresent() && known.get().receivedBefore(now.minus(this.keys.keepingTime()))) {
				// a racing repeat deletes nothing, then loses the key's race and finds
				// ours
				this.messages.forget(known.get().getId());
				known = Optional.empty();
			}
			if (known.isPresent()) {
				String knownHash = known.get().getPayloadHash();
				// keys stored before hashes were canonical hold the hash of the raw text
				if (!knownHash.equals(hash) && !knownHash.equals(sha256(payload))) {
					throw new KeyReused(key);
				}
				return new ChannelReceipt(known.get().getServiceRequestId(), true);
			}
			ReceivedMessage received = this.messages
				.saveAndFlush(new ReceivedMessage(channel.name(), caller, key, hash, now));
			received.opened(open.get());
			return new ChannelReceipt(received.getServiceRequestId(), false);
		});
	}

	/**
	 * The caller's phone: the sender's own contact, remembered for the chat's later
	 * texts, else the one the chat shared before. Another person's contact is never
	 * remembered.
	 */
	private String phoneOf(TelegramUpdate message) {
		Optional<TelegramChat> chat = this.chats.findById(message.chatId());
		if (message.ownPhone() == null) {
			return chat.map(TelegramChat::getPhone).orElse(null);
		}
		if (chat.isPresent()) {
			chat.get().shared(message.ownPhone(), this.clock.instant());
		}
		else {
			this.chats.save(new TelegramChat(message.chatId(), message.ownPhone(), this.clock.instant()));
		}
		return message.ownPhone();
	}

	private static boolean matches(String expected, String given) {
		if (expected == null || expected.isBlank() || given == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

	static String hmac(String secret, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static String sha256(String payload) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** A wrong or missing secret or signature. */
	static final class Unauthorized extends DomainException {

		Unauthorized(String message) {
			super(Kind.UNAUTHORIZED, message);
		}

	}

	/** A known idempotency key with another payload. */
	static final class KeyReused extends DomainException {

		KeyReused(String key) {
			super(Kind.KEY_REUSED, "Idempotency key " + key + " was used before with another payload");
		}

	}

}
