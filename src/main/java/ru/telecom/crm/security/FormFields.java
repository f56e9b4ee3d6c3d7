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
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

import org.springframework.core.io.ClassPathResource;

/**
 * The fields a person may fill in on a Camunda Form, read from the form itself
 * ({@code forms/<id>.form}): what a task completion or a start may write through the
 * engine's doors, and the limits the form sets (required, length, pattern, the options of
 * a radio or select). Read-only fields (what the form shows) are not fields one fills in.
 */
final class FormFields {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Evaluates the forms' FEEL conditions, as Camunda Forms does in the browser. */
	private static final FeelEngineApi FEEL = FeelEngineBuilder.create().build();

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

	private final Set<String> transientFields;

	private FormFields(String formId, Map<String, Field> fields, Set<String> shown) {
		this.formId = formId;
		this.fields = fields;
		this.shown = shown;
		this.transientFields = fields.values()
			.stream()
			.filter(Field::isTransient)
			.map(Field::key)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
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
	 * @param whenShownOnly whether a field the form may hide is left unrequired even
	 * where shown: for a task that may be open on an earlier form without it
	 */
	Map<String, String> errorsIn(JsonNode variables, boolean whenShownOnly) {
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
		Map<String, Object> values = valuesOf(variables);
		this.fields.values()
			.stream()
			.filter(Field::required)
			.filter((field) -> !whenShownOnly || field.hideWhen() == null)
			.filter((field) -> field.hideWhen() == null || !isTrue(field.hideWhen(), values))
			.filter((field) -> variables == null || isBlank(variables.path(field.key()).path("value")))
			.forEach((field) -> errors.putIfAbsent(field.key(), "is required"));
		return errors;
	}

	/**
	 * What is wrong with these variables, field by field, where every field is required
	 * (if the form says so) only where the form shows it: its {@code conditional.hide}
	 * rule, a FEEL expression, is evaluated on the values sent, as the form evaluates it.
	 */
	Map<String, String> errorsIn(JsonNode variables) {
		return errorsIn(variables, false);
	}

	/**
	 * The fields written as transient variables: read by the task's listeners in the
	 * completion's command and never stored (the form marks them with the custom property
	 * {@code transient}).
	 */
	Set<String> transientFields() {
		return this.transientFields;
	}

	private static Map<String, Object> valuesOf(JsonNode variables) {
		Map<String, Object> values = new java.util.HashMap<>();
		if (variables != null && variables.isObject()) {
			variables.fields().forEachRemaining((entry) -> {
				JsonNode value = entry.getValue().path("value");
				if (value.isValueNode() && !value.isNull()) {
					values.put(entry.getKey(), value.isNumber() ? value.numberValue()
							: value.isBoolean() ? value.booleanValue() : value.asText());
				}
			});
		}
		return values;
	}

	/**
	 * Whether the form's FEEL condition holds for these values; one that cannot be
	 * evaluated does not hide the field.
	 */
	private static boolean isTrue(String condition, Map<String, Object> values) {
		EvaluationResult result = FEEL.evaluateExpression(condition, values);
		return result.isSuccess() && Boolean.TRUE.equals(result.result());
	}

	private static boolean isBlank(JsonNode value) {
		return value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank());
	}

	/** The keys of the fields one fills in. */
	Set<String> keys() {
		return this.fields.keySet();
	}

	private static FormFields read(String formId) {
		ClassPathResource resource = new ClassPathResource("forms/" + formId + ".form");
		if (!resource.exists()) {
			return none(formId);
		}
		try (InputStream in = resource.getInputStream()) {
			return read(in, formId);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Form " + formId + " is not readable", ex);
		}
	}

	/** The fields of a form read from that stream (a deployed version of a form). */
	static FormFields read(InputStream form, String formId) throws IOException {
		Map<String, Field> fields = new LinkedHashMap<>();
		Set<String> shown = new java.util.HashSet<>();
		collect(JSON.readTree(form), fields, shown);
		return new FormFields(formId, Map.copyOf(fields), Set.copyOf(shown));
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
				// a field the form may hide is required only where shown
				String hide = component.path("conditional").path("hide").asText(null);
				fields.put(key,
						new Field(key, validate.path("required").asBoolean(false),
								(hide != null) ? hide.replaceFirst("^\\s*=", "") : null,
								validate.path("maxLength").asInt(Integer.MAX_VALUE),
								validate.has("pattern") ? Pattern.compile(validate.path("pattern").asText()) : null,
								Set.copyOf(options), component.path("properties").path("transient").asBoolean(false)
										|| "true".equals(component.path("properties").path("transient").asText())));
			}
			collect(component, fields, shown);
		}
	}

	/**
	 * A field one fills in and the limits its form sets.
	 *
	 * @param hideWhen the FEEL condition that hides it, without its {@code =}; or
	 * {@code null}
	 */
	private record Field(String key, boolean required, String hideWhen, int maxLength, Pattern pattern,
			Set<String> options, boolean isTransient) {

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
