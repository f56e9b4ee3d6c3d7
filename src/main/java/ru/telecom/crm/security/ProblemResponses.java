package ru.telecom.crm.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import ru.telecom.crm.shared.ApiProblems;

/**
 * Errors of the security filters and of the engine's doors, as problem documents like
 * every other error. They also carry {@code message}, where Tasklist and Cockpit look for
 * the text they show.
 */
final class ProblemResponses {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProblemResponses() {
	}

	static void unauthorized(HttpServletResponse response) throws IOException {
		write(response, 401, "unauthorized", "Sign in to use the API", Map.of());
	}

	static void forbidden(HttpServletResponse response) throws IOException {
		write(response, 403, "forbidden", "Your role does not allow this", Map.of());
	}

	/**
	 * What Tasklist shows the person, in one sentence: the refusal and what is wrong with
	 * each field, never a map, a class name or a trace.
	 */
	static String sentence(String detail, Map<String, String> errors) {
		StringBuilder text = new StringBuilder(strip(detail));
		int summary = text.length();
		errors.forEach((field, error) -> {
			if (!strip(error).equalsIgnoreCase(strip(detail))) {
				String separator = text.isEmpty() ? "" : (text.length() == summary) ? ": " : "; ";
				text.append(separator).append(field).append(' ').append(strip(error));
			}
		});
		if (text.isEmpty()) {
			return "The request was refused.";
		}
		text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
		return text.append('.').toString();
	}

	private static String strip(String text) {
		String plain = (text != null) ? text.replaceAll("\\s+", " ").strip() : "";
		while (plain.endsWith(".") || plain.endsWith(";") || plain.endsWith(":")) {
			plain = plain.substring(0, plain.length() - 1).strip();
		}
		return plain;
	}

	/**
	 * Keycloak cannot be reached and nothing kept from it answers: 503, and when to try
	 * again.
	 */
	static void keycloakUnavailable(HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
		write(response, 503, "unavailable", KEYCLOAK_UNAVAILABLE, Map.of());
	}

	static final int RETRY_AFTER_SECONDS = 30;

	static final String KEYCLOAK_UNAVAILABLE = "Keycloak, which signs users in, cannot be reached right now,"
			+ " and this request needs it; try again shortly";

	static void write(HttpServletResponse response, int status, String slug, String detail, Map<String, String> errors)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json(status, slug, detail, errors));
	}

	/** The problem document itself. */
	static String json(int status, String slug, String detail, Map<String, String> errors) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ApiProblems.TYPE_PREFIX + slug);
		problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
		problem.put("status", status);
		problem.put("detail", detail);
		if (!errors.isEmpty()) {
			problem.put("errors", errors);
		}
		problem.put("message", sentence(detail, errors));
		try {
			return JSON.writeValueAsString(problem);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A map of strings is always JSON", ex);
		}
	}

}
