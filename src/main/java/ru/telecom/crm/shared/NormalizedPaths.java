package ru.telecom.crm.shared;

import java.io.IOException;

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
 * {@code %2e%2e}, {@code ;}, encoded slashes…) is refused with a problem document (400)
 * before anything routes it, because the servlet container would route it by its normal
 * form while matchers may read it as written. The rules are Spring Security's strict
 * firewall, applied first instead of half way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NormalizedPaths extends OncePerRequestFilter {

	private final HttpFirewall firewall = new StrictHttpFirewall();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			// checks the path now; headers only when read, which this does not
			this.firewall.getFirewalledRequest(request);
		}
		catch (RequestRejectedException ex) {
			response.setStatus(400);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"" + ApiProblems.TYPE_PREFIX + "validation\",\"title\":\"Bad Request\","
						+ "\"status\":400,\"detail\":\"The path is not in normal form or holds characters that are"
						+ " not allowed (dot segments, encoded dots, slashes or percent signs, semicolons)\"}");
			return;
		}
		chain.doFilter(request, response);
	}

}
