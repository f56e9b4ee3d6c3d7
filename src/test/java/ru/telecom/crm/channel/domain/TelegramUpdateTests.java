package ru.telecom.crm.channel.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ru.telecom.crm.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which shared contact is the caller's: only the sender's own, as Telegram marks it.
 */
class TelegramUpdateTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@ParameterizedTest(name = "contact.user_id {0}, from.id {1}: own {2}")
	@CsvSource(nullValues = "-", value = {
			// the sender shared their own contact
			"42, 42, true",
			// a forwarded contact, or another person's picked from the address book
			"77, 42, false",
			// a contact of someone without a Telegram account
			"-, 42, false",
			// a message with no sender (a channel post)
			"42, -, false",
			// an id written as text is not Telegram's
			"'\"42\"', 42, false" })
	void aSharedContactIsTheCallersPhoneOnlyWhenItIsTheSendersOwn(String userId, String fromId, boolean own) {
		TelegramUpdate update = read(message(contact("+79001234567", userId), fromId, null));

		assertThat(update.ownPhone()).isEqualTo(own ? "+79001234567" : null);
		assertThat(update.othersContact()).isEqualTo(!own);
	}

	@Test
	void theSendersOwnContactAloneOpensNoRequestButAnotherPersonsDoesForAnAgent() {
		TelegramUpdate own = read(message(contact("+79001234567", "42"), "42", null));
		TelegramUpdate others = read(message(contact("+79001234567", "77"), "42", null));
		TelegramUpdate othersWithText = read(message(contact("+79001234567", "77"), "42", "my neighbour's line"));

		assertThat(own.opensRequest()).isFalse();
		assertThat(others.opensRequest()).isTrue();
		assertThat(others.description()).isEqualTo("Shared a contact that is not the sender's own");
		assertThat(othersWithText.description()).isEqualTo("my neighbour's line");
		assertThat(othersWithText.ownPhone()).isNull();
	}

	@Test
	void aTextWithoutAContactSharesNoPhone() {
		TelegramUpdate update = read(message(null, "42", "ORD-3001 no signal"));

		assertThat(update.ownPhone()).isNull();
		assertThat(update.othersContact()).isFalse();
		assertThat(update.opensRequest()).isTrue();
		assertThat(update.chatId()).isEqualTo(5);
		assertThat(update.updateId()).isEqualTo("9");
	}

	@Test
	void anUpdateWithoutAMessageFromAChatIsRefused() {
		assertThatThrownBy(() -> read("{\"update_id\":9,\"edited_channel_post\":{}}"))
			.isInstanceOf(InvalidInputException.class);
	}

	private static TelegramUpdate read(String update) {
		return TelegramUpdate.read(JsonMessages.parse(update));
	}

	private static String message(String contact, String fromId, String text) {
		StringBuilder message = new StringBuilder("{\"message_id\":1,\"chat\":{\"id\":5}");
		if (fromId != null) {
			message.append(",\"from\":{\"id\":").append(fromId).append(",\"is_bot\":false}");
		}
		if (contact != null) {
			message.append(",\"contact\":").append(contact);
		}
		if (text != null) {
			message.append(",\"text\":").append(quoted(text));
		}
		return "{\"update_id\":9,\"message\":" + message + "}}";
	}

	private static String contact(String phone, String userId) {
		return "{\"phone_number\":" + quoted(phone) + ",\"first_name\":\"Ivan\""
				+ ((userId != null) ? ",\"user_id\":" + userId : "") + "}";
	}

	private static String quoted(String text) {
		try {
			return JSON.writeValueAsString(text);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
