package ru.telecom.crm.channel.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * One spelling per JSON value, so that a sender who serialises the same message again
 * (other key order, whitespace, escapes, {@code 1.50} for {@code 1.5}) repeats it rather
 * than sending another: keys sorted, no whitespace, numbers without trailing zeros.
 */
final class CanonicalJson {

	// floats as written, not rounded to a double: two different numbers stay two
	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private CanonicalJson() {
	}

	/** The SHA-256 (hex) of the canonical form of a JSON text. */
	static String sha256(String json) {
		try {
			byte[] canonical = of(JSON.readTree(json)).getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not JSON", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	static String of(JsonNode node) {
		StringBuilder out = new StringBuilder();
		write(node, out);
		return out.toString();
	}

	private static void write(JsonNode node, StringBuilder out) {
		if (node.isObject()) {
			TreeMap<String, JsonNode> fields = new TreeMap<>();
			node.properties().forEach((field) -> fields.put(field.getKey(), field.getValue()));
			out.append('{');
			String separator = "";
			for (var field : fields.entrySet()) {
				out.append(separator);
				quote(field.getKey(), out);
				out.append(':');
				write(field.getValue(), out);
				separator = ",";
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			for (Iterator<JsonNode> items = node.elements(); items.hasNext();) {
				write(items.next(), out);
				out.append(items.hasNext() ? "," : "");
			}
			out.append(']');
		}
		else if (node.isNumber()) {
			out.append(node.decimalValue().stripTrailingZeros());
		}
		else if (node.isTextual()) {
			quote(node.textValue(), out);
		}
		else {
			// true, false, null
			out.append(node.asText());
		}
	}

	private static void quote(String text, StringBuilder out) {
		out.append('"');
		JsonStringEncoder.getInstance().quoteAsString(text, out);
		out.append('"');
	}

}
