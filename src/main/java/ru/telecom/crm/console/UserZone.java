package ru.telecom.crm.console;

import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import ru.telecom.crm.preference.UserPreferences;

/**
 * The time zone of the user a console page is for: their own setting, the default
 * (Europe/Moscow) until they choose, read from the database at most once per request and
 * only when the page prints a time or reads a date filter. Outside a console request
 * (nothing to ask) it is UTC, the API's zone.
 */
final class UserZone implements HandlerInterceptor {

	private static final String ATTRIBUTE = UserZone.class.getName();

	private final UserPreferences preferences;

	UserZone(UserPreferences preferences) {
		this.preferences = preferences;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		request.setAttribute(ATTRIBUTE, new Lazy(this.preferences));
		return true;
	}

	/** The zone of this request's user. */
	static ZoneId current() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Lazy lazy) {
			return lazy.zone();
		}
		return ZoneOffset.UTC;
	}

	/** Forgets what was read, after the user changed it. */
	static void changed(ZoneId zone) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Lazy lazy) {
			lazy.zone = zone;
		}
	}

	private static final class Lazy {

		private final UserPreferences preferences;

		private ZoneId zone;

		Lazy(UserPreferences preferences) {
			this.preferences = preferences;
		}

		ZoneId zone() {
			if (this.zone == null) {
				Authentication user = SecurityContextHolder.getContext().getAuthentication();
				boolean signedIn = user != null && user.isAuthenticated()
						&& !(user instanceof AnonymousAuthenticationToken);
				this.zone = signedIn ? this.preferences.timeZone(user.getName()) : UserPreferences.DEFAULT_TIME_ZONE;
			}
			return this.zone;
		}

	}

}
