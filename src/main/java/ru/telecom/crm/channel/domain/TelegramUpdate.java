package ru.telecom.crm.channel.domain;

import com.fasterxml.jackson.databind.JsonNode;

import ru.telecom.crm.shared.InvalidInputException;

/**
 * What intake reads from a Telegram Bot API {@code Update}: its id, the chat, the text,
 * and a shared contact. A contact is the sender's own only when Telegram says so
 * ({@code contact.user_id} equals {@code from.id}); a forwarded contact or another
 * person's names somebody else, so its phone is never taken as the caller's.
 *
 * @param ownPhone the phone of a contact the sender shared of themselves
 * @param othersContact whether the message shares a contact that is not the sender's
 */
record TelegramUpdate(String updateId, long chatId, String text, String ownPhone, boolean othersContact) {

	/**
	 * @throws InvalidInputException for an update without an id or a message from a chat
	 */
	static TelegramUpdate read(JsonNode root) {
		JsonNode message = root.path("message");
		if (!root.path("update_id").canConvertToLong() || !message.path("chat").path("id").canConvertToLong()) {
			throw new InvalidInputException("update_id", "a Telegram update with a message from a chat is expected");
		}
		JsonNode contact = message.path("contact");
		String phone = JsonMessages.text(contact.path("phone_number"));
		boolean own = phone != null && isSendersOwn(contact, message.path("from"));
		return new TelegramUpdate(root.path("update_id").asText(), message.path("chat").path("id").asLong(),
				JsonMessages.text(message.path("text")), own ? phone : null, phone != null && !own);
	}

	private static boolean isSendersOwn(JsonNode contact, JsonNode from) {
		JsonNode userId = contact.path("user_id");
		JsonNode senderId = from.path("id");
		return userId.isIntegralNumber() && senderId.isIntegralNumber() && userId.asLong() == senderId.asLong();
	}

	/**
	 * Whether the message opens a request: a text does, and so does another person's
	 * contact, for an agent to look at; the sender's own contact alone only tells the
	 * chat's phone for the texts that follow.
	 */
	boolean opensRequest() {
		return this.text != null || this.othersContact;
	}

	/**
	 * What the request says: the text, or for another person's contact sent alone, that
	 * much, so that an agent looks at it.
	 */
	String description() {
		if (this.text == null && this.othersContact) {
			return "Shared a contact that is not the sender's own";
		}
		return this.text;
	}

}
