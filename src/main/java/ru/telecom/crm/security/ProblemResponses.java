package ru.telecom.crm.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

import ru.telecom.crm.shared.ApiProblems;

/** 401 and 403 of the security filters, as problem documents like every other error. */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static void unauthorized(HttpServletResponse response) throws IOException {
		write(response, 401, "unauthorized", "Sign in to use the API");
	}

	static void forbidden(HttpServletResponse response) throws IOException {
		write(response, 403, "forbidden", "Your role does not allow this");
	}

	static void write(HttpServletResponse response, int status, String slug, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"" + ApiProblems.TYPE_PREFIX + slug + "\",\"title\":\""
					+ ((status == 401) ? "Unauthorized" : "Forbidden") + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
