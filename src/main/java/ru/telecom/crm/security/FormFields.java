package ru.telecom.crm.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The fields a person may fill in on a Camunda Form, read from the form itself
 * ({@code forms/<id>.form}): what a task completion or a start may write through the
 * engine's doors, and the limits the form sets (required, length, pattern, the options of
 * a radio or select). Read-only fields (what the form shows) are not fields one fills in.
 */
final class FormFields {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Map<String, FormFields> FORMS = new ConcurrentHashMap<>();

	/** The types a form's values have: never serialized objects, files or JSON. */
	private static final Set<String> PLAIN_TYPES = Set.of("string", "integer", "long", "short", "double", "boolean",
			"null");

	private final String formId;

	private final Map<String, Field> fields;

	/**
	 * What the form only shows (read-only fields): Tasklist sends them back unchanged.
	 */
	private final Set<String> shown;

	private FormFields(String formId, Map<String, Field> fields, Set<String> shown) {
		this.formId = formId;
		this.fields = fields;
		this.shown = shown;
	}

	/** The form of that id, as deployed from {@code forms/}. */
	static FormFields of(String formId) {
		return FORMS.computeIfAbsent(formId, FormFields::read);
	}

	/** A form that has no fields: nothing may be written. */
	static FormFields none(String what) {
		return new FormFields(what, Map.of(), Set.of());
	}

	/**
	 * The read-only fields: what the form shows and a submission sends back as it was.
	 */
	Set<String> shown() {
		return this.shown;
	}

	/**
	 * What is wrong with these variables (the engine REST API's {@code {"name": {"value":
	 * …, "type": …}}}), field by field; empty when nothing is.
	 */
	Map<String, String> errorsIn(JsonNode variables) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (variables != null && !variables.isNull() && !variables.isObject()) {
			errors.put("variables", "must be an object of named values");
			return errors;
		}
		if (variables != null) {
			variables.fields().forEachRemaining((entry) -> {
				Field field = this.fields.get(entry.getKey());
				String error = (field != null) ? field.errorIn(entry.getValue())
						: "is not a field of the form '" + this.formId + "'; only its fields may be written";
				if (error != null) {
					errors.put(entry.getKey(), error);
				}
			});
		}
		this.fields.values()
			.stream()
			.filter(Field::required)
			.filter((field) -> variables == null || isBlank(variables.path(field.key()).path("value")))
			.forEach((field) -> errors.putIfAbsent(field.key(), "is required"));
		return errors;
	}

	private static boolean isBlank(JsonNode value) {
		return value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank());
	}

	private static FormFields read(String formId) {
		ClassPathResource resource = new ClassPathResource("forms/" + formId + ".form");
		if (!resource.exists()) {
			return none(formId);
		}
		try (InputStream in = resource.getInputStream()) {
			Map<String, Field> fields = new LinkedHashMap<>();
			Set<String> shown = new java.util.HashSet<>();
			collect(JSON.readTree(in), fields, shown);
			return new FormFields(formId, Map.copyOf(fields), Set.copyOf(shown));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Form " + formId + " is not readable", ex);
		}
	}

	private static void collect(JsonNode container, Map<String, Field> fields, Set<String> shown) {
		for (JsonNode component : container.path("components")) {
			String key = component.path("key").asText(null);
			boolean readOnly = component.path("disabled").asBoolean(false)
					|| component.path("readonly").asBoolean(false);
			if (key != null && readOnly) {
				shown.add(key);
			}
			if (key != null && !readOnly && !"button".equals(component.path("type").asText())) {
				JsonNode validate = component.path("validate");
				List<String> options = component.path("values").findValuesAsText("value");
				fields.put(key,
						new Field(key, validate.path("required").asBoolean(false),
								validate.path("maxLength").asInt(Integer.MAX_VALUE),
								validate.has("pattern") ? Pattern.compile(validate.path("pattern").asText()) : null,
								Set.copyOf(options)));
			}
			collect(component, fields, shown);
		}
	}

	/** A field one fills in and the limits its form sets. */
	private record Field(String key, boolean required, int maxLength, Pattern pattern, Set<String> options) {

		String errorIn(JsonNode variable) {
			if (!variable.isObject()) {
				return "must be given as {\"value\": …}";
			}
			String type = variable.path("type").asText("String").toLowerCase();
			if (!PLAIN_TYPES.contains(type)
					|| !variable.path("valueInfo").isMissingNode() && !variable.path("valueInfo").isEmpty()) {
				return "takes a plain value (text, number or yes/no), not " + variable.path("type").asText();
			}
			JsonNode value = variable.path("value");
			if (isBlank(value)) {
				return null;
			}
			if (value.isContainerNode()) {
				return "takes a plain value, not a list or an object";
			}
			String text = value.asText();
			if (text.length() > this.maxLength) {
				return "is longer than " + this.maxLength + " characters";
			}
			if (this.pattern != null && !this.pattern.matcher(text).matches()) {
				return "has a form the field does not accept";
			}
			if (!this.options.isEmpty() && !this.options.contains(text)) {
				return "must be one of " + this.options.stream().sorted().toList();
			}
			return null;
		}

	}

}
