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
 * Refuses a request body over the limit before anything uses it, with a problem document
 * (413) like every other error of the API: at once when its Content-Length says so; a
 * body of no stated length (chunked) is read here as it streams, and refused as soon as
 * it passes the limit.
 */
@Component
// after NormalizedPaths
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
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
			refuse(response);
			return;
		}
		if (request.getContentLengthLong() < 0) {
			// the API's bodies are JSON or CSV read whole anyway: read them here, counted
			request = BufferedBody.read(request, this.maxBytes);
			if (request == null) {
				refuse(response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(413);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"" + ApiProblems.TYPE_PREFIX + "payload-too-large\",\"title\":\"Payload Too Large\","
					+ "\"status\":413,\"detail\":\"The request body is over " + this.maxBytes + " bytes\"}");
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
