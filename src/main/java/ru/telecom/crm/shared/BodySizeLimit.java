package ru.telecom.crm.shared;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit before anything uses it, with a problem document
 * (413) like every other error of the API: at once when its Content-Length says so; a
 * body of no stated length (chunked) is read here as it streams, and refused as soon as
 * it passes the limit. A file attached to a request or incident has a limit of its own
 * ({@link ApiLimits#maxAttachment()}); its multipart body is left to the servlet
 * container's multipart parser, which counts what streams in against the same limit (see
 * {@code SharedConfiguration}), chunked or not.
 */
@Component
// after NormalizedPaths
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimit extends OncePerRequestFilter {

	/** The one route that takes files: an attachment to a request or incident. */
	static final Pattern UPLOAD = Pattern.compile("^/api/(service-requests|incidents)/[^/]+/attachments/?$");

	private final long maxBytes;

	private final long maxUploadBytes;

	BodySizeLimit(ApiLimits limits) {
		this.maxBytes = limits.maxBody().toBytes();
		this.maxUploadBytes = limits.maxUploadBody();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isUpload(request)) {
			if (request.getContentLengthLong() > this.maxUploadBytes) {
				refuse(response, this.maxUploadBytes);
				return;
			}
			// chunked: the multipart parser counts it (multipartLimits), never buffered
			// here
			chain.doFilter(request, response);
			return;
		}
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

	private static boolean isUpload(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && UPLOAD.matcher(request.getRequestURI()).matches();
	}

	private void refuse(HttpServletResponse response) throws IOException {
		refuse(response, this.maxBytes);
	}

	private static void refuse(HttpServletResponse response, long maxBytes) throws IOException {
		response.setStatus(413);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"" + ApiProblems.TYPE_PREFIX + "payload-too-large\",\"title\":\"Payload Too Large\","
					+ "\"status\":413,\"detail\":\"The request body is over " + maxBytes + " bytes\"}");
	}

}
