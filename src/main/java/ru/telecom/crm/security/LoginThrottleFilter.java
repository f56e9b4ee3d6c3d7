package ru.telecom.crm.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import ru.telecom.crm.shared.BufferedBody;

/**
 * In front of Spring Security and Camunda's webapps, at every {@link PasswordDoor}: a
 * user locked out from this address gets 429 with {@code Retry-After} and no password is
 * checked; otherwise the door's answer is counted ({@link LoginThrottle}). With Keycloak,
 * passwords are typed at Keycloak, whose brute-force detection applies.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class LoginThrottleFilter extends OncePerRequestFilter {

	/** Far more than a user name and a password take. */
	private static final int MAX_LOGIN_FORM = 16 * 1024;

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PasswordDoor door = PasswordDoor.of(request);
		if (door == PasswordDoor.CAMUNDA_LOGIN) {
			// read here and again by Jersey, which warns when a filter has parsed its
			// form
			request = BufferedBody.read(request, MAX_LOGIN_FORM);
			if (request == null) {
				ProblemResponses.write(response, 413, "payload-too-large",
						"A login form is at most " + MAX_LOGIN_FORM + " bytes", Map.of());
				return;
			}
		}
		if (door == null) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		String user = door.user(request);
		Optional<Duration> wait = this.throttle.lockedFor(address, user);
		if (wait.isPresent()) {
			long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			ProblemResponses.write(response, 429, "too-many-requests",
					"Too many failed sign-ins for this user from your address; try again in " + seconds + " s",
					Map.of());
			return;
		}
		chain.doFilter(request, response);
		if (door.failed(response)) {
			this.throttle.failed(address, user);
		}
		else if (door.succeeded(response)) {
			this.throttle.succeeded(address, user);
		}
	}

}
