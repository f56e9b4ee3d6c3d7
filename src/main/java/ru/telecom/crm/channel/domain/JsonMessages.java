package ru.telecom.crm.channel.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.telecom.crm.shared.InputText;
import ru.telecom.crm.shared.InvalidInputException;

/** Reading the channels' JSON bodies: an object, and its fields as clean text. */
final class JsonMessages {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final int MAX_TEXT = 4000;

	private JsonMessages() {
	}

	/** The body as a JSON object; anything else is a validation error. */
	static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			throw new InvalidInputException("body", "a JSON message is required");
		}
		try {
			JsonNode root = JSON.readTree(body);
			if (root == null || !root.isObject()) {
				throw new InvalidInputException("body", "a JSON object is expected");
			}
			return root;
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("body", "not readable as JSON");
		}
	}

	/** A field's value as trimmed text of at most 4000 characters; null when blank. */
	static String text(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
			return null;
		}
		String text = InputText.clean(node.asText()).strip();
		if (text.isEmpty()) {
			return null;
		}
		return (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
	}

}
