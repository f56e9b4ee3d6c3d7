package ru.telecom.crm.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

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

	static void write(HttpServletResponse response, int status, String slug, String detail, Map<String, String> errors)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ApiProblems.TYPE_PREFIX + slug);
		problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
		problem.put("status", status);
		problem.put("detail", detail);
		if (!errors.isEmpty()) {
			problem.put("errors", errors);
		}
		problem.put("message", errors.isEmpty() ? detail : detail + ": " + errors);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(problem));
	}

}
