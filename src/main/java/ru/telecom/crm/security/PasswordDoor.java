package ru.telecom.crm.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

import ru.telecom.crm.shared.BufferedBody;

/**
 * A door where the embedded default checks a password: whose password a request tries,
 * and how the door's answer tells a wrong one from a right one. Any other answer (a
 * missing CSRF token, say) tells neither and counts for nothing.
 */
enum PasswordDoor {

	/** HTTP Basic on the APIs; our entry point answers a wrong password with 401. */
	BASIC {
		@Override
		String user(HttpServletRequest request) {
			String credentials = request.getHeader(HttpHeaders.AUTHORIZATION).substring(6).strip();
			try {
				String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return (colon < 0) ? decoded : decoded.substring(0, colon);
			}
			catch (IllegalArgumentException ex) {
				return "";
			}
		}

		@Override
		boolean failed(HttpServletResponse response) {
			String challenge = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
			return response.getStatus() == 401 && challenge != null && challenge.startsWith("Basic");
		}

		@Override
		boolean succeeded(HttpServletResponse response) {
			return response.getStatus() >= 200 && response.getStatus() < 400;
		}
	},

	/** The console's form: back to the form with an error, or on into the console. */
	CONSOLE_FORM {
		@Override
		String user(HttpServletRequest request) {
			String user = request.getParameter("username");
			return (user != null) ? user : "";
		}

		@Override
		boolean failed(HttpServletResponse response) {
			return response.getStatus() == 302 && isLoginError(response.getHeader(HttpHeaders.LOCATION));
		}

		@Override
		boolean succeeded(HttpServletResponse response) {
			return response.getStatus() == 302 && !isLoginError(response.getHeader(HttpHeaders.LOCATION));
		}

		private static boolean isLoginError(String location) {
			return location == null || location.contains("/login?error");
		}
	},

	/**
	 * Camunda's webapps' own login, its form read up front ({@link BufferedBody}): 401
	 * for a wrong password, 200 signed in.
	 */
	CAMUNDA_LOGIN {
		@Override
		String user(HttpServletRequest request) {
			String form = new String(((BufferedBody) request).bytes(), StandardCharsets.ISO_8859_1);
			for (String field : form.split("&")) {
				if (field.startsWith("username=")) {
					try {
						return URLDecoder.decode(field.substring(9), StandardCharsets.UTF_8);
					}
					catch (IllegalArgumentException ex) {
						return "";
					}
				}
			}
			return "";
		}

		@Override
		boolean failed(HttpServletResponse response) {
			return response.getStatus() == 401;
		}

		@Override
		boolean succeeded(HttpServletResponse response) {
			return response.getStatus() == 200;
		}
	};

	private static final Pattern CAMUNDA_LOGIN_PATH = Pattern
		.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

	/** The door this request knocks at, or null. */
	static PasswordDoor of(HttpServletRequest request) {
		// the decoded, normal path the servlet container routes by
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if ((isUnder(path, "/api") || isUnder(path, "/engine-rest")) && authorization != null
				&& authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return BASIC;
		}
		if (!"POST".equals(request.getMethod())) {
			return null;
		}
		if (path.equals("/login")) {
			return CONSOLE_FORM;
		}
		return CAMUNDA_LOGIN_PATH.matcher(path).matches() ? CAMUNDA_LOGIN : null;
	}

	private static boolean isUnder(String path, String prefix) {
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

	/** The user name tried. */
	abstract String user(HttpServletRequest request);

	abstract boolean failed(HttpServletResponse response);

	abstract boolean succeeded(HttpServletResponse response);

}
