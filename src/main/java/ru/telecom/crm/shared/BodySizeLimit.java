package ru.telecom.crm.shared;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit before anything reads it, with a problem document
 * (413) like every other error of the API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	BodySizeLimit(Settings settings) {
		this.maxBytes = settings.maxBody().toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			response.setStatus(413);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"" + ApiProblems.TYPE_PREFIX + "payload-too-large\",\"title\":\"Payload Too Large\","
						+ "\"status\":413,\"detail\":\"The request body is over " + this.maxBytes + " bytes\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * API limits.
	 *
	 * @param maxBody the largest request body the API reads
	 */
	@ConfigurationProperties("crm.api")
	record Settings(@DefaultValue("1MB") DataSize maxBody) {
	}

}
