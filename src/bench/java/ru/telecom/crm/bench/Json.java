package ru.telecom.crm.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough JSON for the harness: write maps, lists and scalars; read a number field.
 */
final class Json {

	private Json() {
	}

	/** The first number-valued field of that name in a JSON text, or -1. */
	static long number(String json, String field) {
		Matcher matcher = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

	/** The first decimal-valued field of that name, or NaN. */
	static double decimal(String json, String field) {
		Matcher matcher = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?[0-9.]+(?:[eE][-+]?\\d+)?)")
			.matcher(json);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

	static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/** Maps (in their order), collections, numbers, booleans, null and text, indented. */
	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, "");
		return out.append('\n').toString();
	}

	private static void write(Object value, StringBuilder out, String indent) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				out.append("{}");
				return;
			}
			String inner = indent + "  ";
			out.append("{\n");
			int i = 0;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(inner).append(quote(String.valueOf(entry.getKey()))).append(": ");
				write(entry.getValue(), out, inner);
				out.append((++i < map.size()) ? ",\n" : "\n");
			}
			out.append(indent).append('}');
		}
		else if (value instanceof Collection<?> list) {
			if (list.isEmpty()) {
				out.append("[]");
				return;
			}
			String inner = indent + "  ";
			out.append("[\n");
			int i = 0;
			for (Object item : list) {
				out.append(inner);
				write(item, out, inner);
				out.append((++i < list.size()) ? ",\n" : "\n");
			}
			out.append(indent).append(']');
		}
		else if (value instanceof Double number) {
			out.append(number.isNaN() || number.isInfinite() ? "null" : String.format(Locale.ROOT, "%.3f", number));
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else {
			out.append(quote(value.toString()));
		}
	}

}
