package ru.telecom.crm.shared;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One path, one door: a path that is not in normal form ({@code /api/../engine-rest},
 * {@code %2e%2e}, {@code ;}, encoded slashes, letters or digits written as {@code %65}…)
 * is refused with a problem document (400) before anything routes it, because the servlet
 * container routes it by its normal form while matchers may read it as written. The rules
 * are Spring Security's strict firewall, applied first instead of half way, and RFC
 * 3986's: unreserved characters are never percent-encoded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NormalizedPaths extends OncePerRequestFilter {

	private static final Pattern ENCODED = Pattern.compile("%([0-9A-Fa-f]{2})");

	private final HttpFirewall firewall = new StrictHttpFirewall();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			// checks the path now; headers only when read, which this does not
			this.firewall.getFirewalledRequest(request);
			if (encodesUnreserved(request.getRequestURI())) {
				throw new RequestRejectedException("An unreserved character is percent-encoded");
			}
		}
		catch (RequestRejectedException ex) {
			response.setStatus(400);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"" + ApiProblems.TYPE_PREFIX + "validation\",\"title\":\"Bad Request\","
						+ "\"status\":400,\"detail\":\"The path is not in normal form or holds characters that are"
						+ " not allowed (dot segments; encoded dots, slashes, percent signs, letters or digits;"
						+ " semicolons)\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean encodesUnreserved(String path) {
		Matcher encoded = ENCODED.matcher(path);
		while (encoded.find()) {
			char c = (char) Integer.parseInt(encoded.group(1), 16);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				return true;
			}
		}
		return false;
	}

}
